"""Columns of lists and tables in a narrow window (800 px, a long language, 150 %).

- ``keep_titles_readable``: a stretching column gives way to the columns sized to their contents,
  down to Qt's minimum of a few pixels — "Кем выдан" became "К…". Its title now sets the least
  it keeps (the table scrolls sideways rather than cut the titles).
- ``drop_columns_when_narrow``: columns that repeat what the detail pane shows (a step's state,
  when its facts were checked) are hidden while the view is too narrow for the main column to
  be read, and come back when it widens."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QTreeView

SORT_MARK_ROOM = 12


def title_width(header: QHeaderView, section: int) -> int:
    model = header.model()
    if model is None:
        return 0
    text = str(model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    return header.fontMetrics().horizontalAdvance(text) + 2 * margin + SORT_MARK_ROOM


def keep_titles_readable(header: QHeaderView) -> None:
    """Call after the titles are set (and again after they are translated)."""
    stretching = [
        section
        for section in range(header.count())
        if header.sectionResizeMode(section) == QHeaderView.ResizeMode.Stretch
        and not header.isSectionHidden(section)
    ]
    if stretching:
        header.setMinimumSectionSize(max(title_width(header, s) for s in stretching))


class _NarrowColumns(QObject):
    def __init__(self, view: QTreeView | QTableView, columns: Sequence[int], below: int) -> None:
        super().__init__(view)
        self.view = view
        self.columns = tuple(columns)
        self.below = below
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.view and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.apply()
        return False

    def apply(self) -> None:
        narrow = self.view.width() < self.below
        for column in self.columns:
            if self.view.isColumnHidden(column) != narrow:
                self.view.setColumnHidden(column, narrow)


def drop_columns_when_narrow(view: QAbstractItemView, columns: Sequence[int], below: int) -> None:
    """Hide ``columns`` of ``view`` while it is narrower than ``below`` pixels."""
    if isinstance(view, QTreeView | QTableView):
        _NarrowColumns(view, columns, below).apply()
