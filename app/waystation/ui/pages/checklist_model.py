"""The checklist as a Qt model: one row per step, in the core's "what next" order, with its
state and due date; and a filter by track, state and words from the title or body."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QFont, QStandardItem, QStandardItemModel

from waystation.i18n import _, format_age, format_date
from waystation.rules.plan import StepPlan
from waystation.ui.colours import muted_text, warm_text
from waystation.ui.pages.vocabulary import checked_text, due_text, state_name

STEP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TRACK_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 5

TITLE, STATE, DUE, CHECKED = range(4)
OPEN_STATES = frozenset({"todo", "doing"})


class ChecklistModel(QStandardItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, 4, parent)
        self.retranslate()

    def retranslate(self) -> None:
        # Translators: the column says when the guide's authors last checked the step's facts.
        self.setHorizontalHeaderLabels([_("Step"), _("State"), _("Due"), _("Last checked")])

    def load(self, plans: Sequence[StepPlan], language: str, today: date) -> None:
        self.removeRows(0, self.rowCount())
        for plan in plans:
            self.appendRow(_row(plan, language, today))

    def row_of(self, step_id: str) -> int:
        for row in range(self.rowCount()):
            if self.item(row, TITLE).data(STEP_ID_ROLE) == step_id:
                return row
        return -1

    def step_id(self, row: int) -> str:
        item = self.item(row, TITLE)
        return str(item.data(STEP_ID_ROLE)) if item is not None else ""


def _row(plan: StepPlan, language: str, today: date) -> list[QStandardItem]:
    title = plan.step.title.get(language)
    search = f"{title}\n{plan.step.body.get(language)}".casefold()
    items = [
        QStandardItem(title),
        QStandardItem(state_name(plan.state)),
        QStandardItem(_not_due(plan)),
        _checked_item(plan, today),
    ]
    for item in items:
        item.setEditable(False)
        item.setData(plan.step.id, STEP_ID_ROLE)
        item.setData(plan.step.track, TRACK_ROLE)
        item.setData(plan.state, STATE_ROLE)
        item.setData(search, SEARCH_ROLE)
        item.setData(plan.overdue, OVERDUE_ROLE)
    items[TITLE].setToolTip(title)
    if plan.due is not None and plan.applies is not False and not plan.finished:
        # The column stays narrow (the date, marked when overdue); the full words are in the
        # tooltip and for screen readers.
        full = due_text(plan.due, plan.overdue)
        items[DUE].setText(("⚠ " if plan.overdue else "") + format_date(plan.due))
        items[DUE].setToolTip(full)
        items[DUE].setData(full, Qt.ItemDataRole.AccessibleTextRole)
    if plan.overdue:
        items[DUE].setForeground(QBrush(warm_text()))
        bold = QFont()
        bold.setBold(True)
        items[DUE].setFont(bold)
    if plan.applies is False or plan.finished:
        muted = muted_text()  # quieter, yet readable: not the disabled grey (issue 11, item 13)
        for item in items[:2]:
            item.setForeground(QBrush(muted))
    return items


def _checked_item(plan: StepPlan, today: date) -> QStandardItem:
    """How long ago the guide's authors checked the step; marked when it may be out of date."""
    if plan.step.generated:
        return QStandardItem("")
    words = checked_text(plan.step.last_verified, today, stale=plan.stale)
    item = QStandardItem(("⚠ " if plan.stale else "") + format_age(plan.step.last_verified, today))
    item.setToolTip(words)
    item.setData(words, Qt.ItemDataRole.AccessibleTextRole)
    if plan.stale:
        item.setForeground(QBrush(warm_text()))
    return item


def _not_due(plan: StepPlan) -> str:
    """What the due column says when there is no date to show."""
    return _("Does not apply to you") if plan.applies is False else ""


class StepFilter(QSortFilterProxyModel):
    """Rows of one track (or all), one state (or all, or the open ones), matching every word."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._track: str | None = None
        self._state: str | None = None
        self._words: list[str] = []

    def set_track(self, track: str | None) -> None:
        self._change_rows_filter(lambda: setattr(self, "_track", track))

    def set_state(self, state: str | None) -> None:
        """A state code, "open" (to do or in progress), or None for every state."""
        self._change_rows_filter(lambda: setattr(self, "_state", state))

    def set_search(self, text: str) -> None:
        self._change_rows_filter(lambda: setattr(self, "_words", text.casefold().split()))

    def _change_rows_filter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateRowsFilter is deprecated there
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover (older Qt)
            change()
            self.invalidateRowsFilter()

    def is_filtering(self) -> bool:
        return bool(self._track or self._state or self._words)

    def filterAcceptsRow(  # noqa: N802 (Qt API)
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        index = self.sourceModel().index(source_row, TITLE, source_parent)
        if self._track and index.data(TRACK_ROLE) != self._track:
            return False
        state = index.data(STATE_ROLE)
        if self._state == "open" and state not in OPEN_STATES:
            return False
        if self._state not in (None, "open") and state != self._state:
            return False
        text = str(index.data(SEARCH_ROLE) or "")
        return all(word in text for word in self._words)
