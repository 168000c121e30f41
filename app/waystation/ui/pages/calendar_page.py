"""Every dated thing in one place: step deadlines, the last day of legal stay and document expiries,
as a list and as a month view, and an .ics export for a phone or desktop calendar."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from waystation.errors import WaystationError
from waystation.files import write_new_file
from waystation.i18n import _, current_language, format_date, ngettext
from waystation.packets.calendar_ics import CalendarEntry, build_calendar, calendar_entries
from waystation.rules.status import Status
from waystation.ui.dialogs import FileDialogs, calendar_filter
from waystation.ui.pages.base import Page, plain_label
from waystation.ui.pages.look import PAGE_STYLE
from waystation.ui.pages.step_state import from_qdate, to_qdate
from waystation.ui.session import Session
from waystation.ui.style import ACCENT
from waystation.ui.widgets.link_list import LinkList


def entry_target(entry: CalendarEntry) -> tuple[str, str]:
    """Where a calendar row leads: a step to its checklist, an expiry to its document."""
    kind, _sep, rest = entry.key.partition(":")
    if kind == "step":
        return "checklists", rest
    if kind == "expiry":
        document_id = rest.rpartition(":")[2]
        return ("documents", document_id) if document_id.isdigit() else ("profile", "passports")
    return "dashboard", ""


class CalendarPage(Page):
    key = "calendar"
    icon_name = "calendar"

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, dialogs: FileDialogs | None = None
    ) -> None:
        super().__init__(session, parent, dialogs=dialogs)
        self.setStyleSheet(PAGE_STYLE)
        self.entries: list[CalendarEntry] = []
        self.heading = plain_label("", self)
        self.heading.setObjectName("heading")
        self.intro = plain_label("", self, wrap=True)
        self.upcoming_title = plain_label("", self)
        self.upcoming_title.setObjectName("subheading")
        self.upcoming = LinkList(self)
        self.empty = plain_label("", self, wrap=True)
        self.month = QCalendarWidget(self)
        self.month.setGridVisible(False)
        self.month.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.month.selectionChanged.connect(self._day_chosen)
        self.day_title = plain_label("", self, wrap=True)
        self.day_title.setObjectName("subheading")
        self.day_items = LinkList(self)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export)
        self.export_note = plain_label("", self, wrap=True)
        self.message = plain_label("", self, wrap=True)
        for links in (self.upcoming, self.day_items):
            links.chosen.connect(self.navigate)
        self._layout()
        self.retranslate()
        self.clear()

    def _layout(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(self.upcoming_title)
        left_layout.addWidget(self.upcoming)
        left_layout.addWidget(self.empty)
        left_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(left)
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self.month)
        right.addWidget(self.day_title)
        right.addWidget(self.day_items)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addWidget(scroll, 1)
        columns.addLayout(right, 1)
        export = QHBoxLayout()
        export.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        export.addWidget(self.export_note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(columns, 1)
        layout.addLayout(export)
        layout.addWidget(self.message)

    # -- Page ----------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Calendar")

    def refresh(self) -> None:
        self.clear()
        status, message = self._status()
        if status is None:
            self.message.setText(message)
            return
        pack = self.session.host_pack()
        assert pack is not None
        self.entries = calendar_entries(status, pack, current_language())
        today = self.session.today()
        for entry in self.entries:
            self.upcoming.add_link(
                entry.summary, _entry_when(entry, today), *entry_target(entry), warm=entry.day < today
            )
        self._highlight()
        self.empty.setVisible(not self.entries)
        self.upcoming.setVisible(bool(self.entries))
        self.export_button.setEnabled(True)
        self.month.setSelectedDate(to_qdate(today))
        self._day_chosen()

    def clear(self) -> None:
        self.entries = []
        self.upcoming.clear()
        self.day_items.clear()
        self.day_title.clear()
        self.message.clear()
        self.month.setDateTextFormat(QDate(), QTextCharFormat())
        self.export_button.setEnabled(False)
        self.empty.setVisible(False)

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.month.setLocale(QLocale(current_language()))
        self.intro.setText(
            _("Deadlines of your steps, the last day of your legal stay and documents that expire.")
        )
        self.upcoming_title.setText(_("Coming up"))
        self.upcoming.setAccessibleName(_("Coming up"))
        self.empty.setText(_("Nothing with a date yet."))
        self.month.setAccessibleName(_("Month view; days with something due are marked"))
        self.day_items.setAccessibleName(_("Due on the chosen day"))
        self.export_button.setText(_("&Export .ics…"))
        self.export_button.setAccessibleDescription(_("Save these dates as a calendar file"))
        self.export_note.setText(
            _("The file holds no names and no document numbers: only what is due, and when.")
        )
        if self.session.is_open and self.entries:
            self.refresh()

    def focus_item(self, item_id: str) -> None:
        """``item_id`` is a day (YYYY-MM-DD): show that day in the month view."""
        try:
            day = date.fromisoformat(item_id)
        except ValueError:
            return
        self.month.setSelectedDate(to_qdate(day))
        self.month.setFocus()

    # -- inside --------------------------------------------------------------------------------

    def _status(self) -> tuple[Status | None, str]:
        try:
            status = self.session.status()
        except WaystationError as exc:
            return None, exc.message
        if status is None:
            return None, _("Choose your host country in the profile to see your dates.")
        return status, ""

    def _by_day(self) -> dict[date, list[CalendarEntry]]:
        days: dict[date, list[CalendarEntry]] = defaultdict(list)
        for entry in self.entries:
            days[entry.day].append(entry)
        return days

    def _highlight(self) -> None:
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setForeground(QBrush(QColor("white")))
        marked.setBackground(QBrush(QColor(ACCENT)))
        for day in self._by_day():
            self.month.setDateTextFormat(to_qdate(day), marked)

    def _day_chosen(self) -> None:
        day = from_qdate(self.month.selectedDate())
        items = self._by_day().get(day, [])
        self.day_items.clear()
        for entry in items:
            self.day_items.add_link(entry.summary, "", *entry_target(entry))
        self.day_items.setVisible(bool(items))
        count = len(items)
        if not self.session.is_open:
            return
        self.day_title.setText(
            ngettext("{date}: {n} item", "{date}: {n} items", count).format(
                date=format_date(day, "long"), n=count
            )
            if count
            else _("{date}: nothing due").format(date=format_date(day, "long"))
        )

    def export(self) -> None:
        self.message.clear()
        status, message = self._status()
        pack = self.session.host_pack() if status is not None else None
        if status is None or pack is None:
            self.message.setText(message)
            return
        path = self.dialogs.save_file(self, _("Export the calendar"), "waystation.ics", calendar_filter())
        if path is None:
            return
        confirmed = bool(path.suffix)  # the save dialog asked before replacing this very name
        if not confirmed:
            path = path.with_suffix(".ics")
        try:
            write_new_file(path, build_calendar(status, pack, current_language()), force=confirmed)
        except WaystationError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(
            ngettext("Saved {n} date to {name}.", "Saved {n} dates to {name}.", len(self.entries)).format(
                n=len(self.entries), name=path.name
            )
        )


def _entry_when(entry: CalendarEntry, today: date) -> str:
    if entry.day < today:
        return _("Overdue since {date}").format(date=format_date(entry.day))
    return format_date(entry.day, "long")
