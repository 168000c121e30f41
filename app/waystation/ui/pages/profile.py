"""The profile: the person, passports, where they live now, entries and exits, family, notes.

Edits stay in the form until Save, which replaces the stored profile in one transaction. The form
is checked while the person types, by the same core checks a JSON import goes through (so the
form and an import never disagree), plus the stay-history check; Save waits until nothing is
wrong. The arrival date and the entries follow each other (``profile_sync``). Leaving the screen
with unsaved edits asks whether to save them; locking saves them when they are valid (``leaving``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from waystation.errors import WaystationError
from waystation.i18n import _
from waystation.ui.dialogs import FileDialogs
from waystation.ui.icons import icon
from waystation.ui.pages.base import Page, plain_label
from waystation.ui.pages.leaving import LeaveGuard
from waystation.ui.pages.profile_checks import Problems, core_problems, merged
from waystation.ui.pages.profile_columns import (
    FAMILY_COLUMNS,
    PASSPORT_COLUMNS,
    PERMIT_COLUMNS,
    STAY_COLUMNS,
    family_from,
    family_rows,
    passport_rows,
    passports_from,
    permit_rows,
    permits_from,
    readable_permits,
    readable_stays,
    stay_rows,
    stays_from,
)
from waystation.ui.pages.profile_layout import lay_out_page, section_column
from waystation.ui.pages.profile_person import HostSection, PersonSection
from waystation.ui.pages.profile_sync import ArrivalSync
from waystation.ui.pages.profile_tables import RecordTable
from waystation.ui.session import Change, Session
from waystation.ui.widgets.ask import Leaving, save_discard_cancel
from waystation.ui.widgets.fields import MessageField
from waystation.vault.models import Profile


class ProfilePage(Page):
    key = "profile"
    icon_name = "profile"

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, dialogs: FileDialogs | None = None
    ) -> None:
        super().__init__(session, parent, dialogs=dialogs)
        # Created in the order they appear, which is the order Tab follows.
        self.person = PersonSection(self)
        self.passports = RecordTable(PASSPORT_COLUMNS, lambda: _("Add a passport"), lambda: _("Remove"), self)
        library = session.library
        partial = frozenset(c for c in library.countries() if (p := library.get(c)) and p.coverage.partial)
        self.host = HostSection(tuple(library.countries()), self, partial_guides=partial)
        self.stays = RecordTable(STAY_COLUMNS, lambda: _("Add an entry"), lambda: _("Remove"), self)
        self.permits = RecordTable(
            PERMIT_COLUMNS, lambda: _("Add a visa or permit"), lambda: _("Remove"), self
        )
        self.family = RecordTable(FAMILY_COLUMNS, lambda: _("Add a family member"), lambda: _("Remove"), self)
        self.tables = {
            "passports": self.passports,
            "stays": self.stays,
            "permits": self.permits,
            "family": self.family,
        }
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(110)
        self.heading = plain_label("", self)
        self.heading.setObjectName("heading")
        self.intro = plain_label("", self, wrap=True)
        self.status = plain_label("", self, wrap=True)
        self.undo_button = QPushButton(icon("undo"), "", self)
        self.save_button = QPushButton(icon("save"), "", self)
        self.save_button.setDefault(True)
        self.ask_leaving: Callable[[], Leaving] = self._ask_leaving
        self._stored: Profile | None = None
        self._stored_snapshot: tuple[object, ...] = ()
        self._valid = True
        self._filling = False
        self._general: list[str] = []
        self._saved_note = ""
        self._sync_note = ""
        self._build()
        self.arrival_sync = ArrivalSync(self.host, self.stays)
        for field in (self.person.date_of_birth, self.host.arrival_date):
            field.edit.today = field.edit.latest = session.today
        for table in self.tables.values():
            table.today = session.today
        self.person.edited.connect(self.revalidate)
        self.host.edited.connect(self._host_edited)
        for name, table in self.tables.items():
            table.edited.connect(self._entries_edited if name == "stays" else self.revalidate)
        self.leaving = LeaveGuard(
            self,
            dirty=lambda: self.session.is_open and self.is_dirty(),
            save=self.save,
            discard=self.undo,
            ask=lambda: self.ask_leaving(),
        )
        session.about_to_lock.connect(self._save_before_lock)
        self.notes.textChanged.connect(self.revalidate)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.undo)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.activated.connect(self.save)
        self.retranslate()
        self._update_buttons()

    def _build(self) -> None:
        sections: tuple[tuple[str, QWidget], ...] = (
            ("person", self.person),
            ("passports", self.passports),
            ("host", self.host),
            ("stays", self.stays),
            ("permits", self.permits),
            ("family", self.family),
            ("notes", self.notes),
        )
        self.scroll_area, self.section_titles, self.section_hints = section_column(self, sections)
        self.section_widgets = dict(sections)
        bar = (self.status, self.undo_button, self.save_button)
        lay_out_page(self, (self.heading, self.intro), self.scroll_area, bar)

    # -- the form and the stored profile ----------------------------------------------------------

    def form_profile(self) -> Profile:
        """The profile as the form holds it (dates that cannot be read count as not known)."""
        return Profile(
            person=self.person.person(),
            passports=passports_from(self.passports.rows()),
            host=self.host.host(),
            stays=stays_from(self.stays.rows()),
            family=family_from(self.family.rows()),
            notes=self.notes.toPlainText(),
            permits=permits_from(self.permits.rows()),
        )

    def snapshot(self) -> tuple[object, ...]:
        tables = tuple(tuple(tuple(row.values()) for row in table.rows()) for table in self.tables.values())
        return (self.person.snapshot(), self.host.snapshot(), tables, self.notes.toPlainText())

    def is_dirty(self) -> bool:
        return self._stored is not None and self.snapshot() != self._stored_snapshot

    def _load(self, profile: Profile) -> None:
        self._filling = True
        try:
            self.person.set_person(profile.person)
            self.host.set_host(profile.host)
            self.passports.set_rows(passport_rows(profile.passports))
            self.stays.set_rows(stay_rows(profile.stays))
            self.family.set_rows(family_rows(profile.family))
            self.permits.set_rows(permit_rows(profile.permits))
            if self.notes.toPlainText() != profile.notes:
                self.notes.setPlainText(profile.notes)
        finally:
            self._filling = False
        self._stored = profile
        self._stored_snapshot = self.snapshot()
        self._sync_note = self.arrival_sync.after_load()
        self.revalidate()

    def _host_edited(self) -> None:
        if not self._filling:
            self._sync_note = self.arrival_sync.host_edited() or self._sync_note
            self.revalidate()

    def _entries_edited(self) -> None:
        if not self._filling:
            self._sync_note = self.arrival_sync.entries_edited() or self._sync_note
            self.revalidate()

    # -- checking --------------------------------------------------------------------------------

    def revalidate(self) -> None:
        if self._filling:
            return
        # Unreadable dates are reported by the form; the rest of the profile still goes through the
        # core's checks, so every problem is in sight at once.
        stay_rows = [row for row, _stay in readable_stays(self.stays.rows())]
        permit_rows = [row for row, _permit in readable_permits(self.permits.rows())]
        found = core_problems(self.form_profile(), stay_rows, permit_rows, today=self.session.today())
        problems = merged(self._local_problems(), found)
        self._show(problems)
        self._valid = not problems.any()
        self._update_buttons()

    def _local_problems(self) -> Problems:
        problems = Problems()
        for key, field in (("date_of_birth", self.person.date_of_birth),):
            if problem := field.local_problem():
                problems.fields[f"person.{key}"] = problem
        if problem := self.host.arrival_date.local_problem():
            problems.fields["host.arrival_date"] = problem
        for name, table in self.tables.items():
            if cells := table.local_problems():
                problems.cells[name] = cells
        return problems

    def _show(self, problems: Problems) -> None:
        shown: set[str] = set()
        for prefix, fields in (("person", self.person.fields), ("host", self.host.fields)):
            for key, field in fields.items():
                path = f"{prefix}.{key}"
                field.show_problem(problems.fields.get(path))
                shown.add(path)
        for name, table in self.tables.items():
            table.show_problems(problems.cells.get(name, {}), problems.tables.get(name, []))
        elsewhere = [f"{path}: {text}" for path, text in problems.fields.items() if path not in shown]
        self._general = elsewhere + problems.general

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(self._valid and dirty)
        self.undo_button.setEnabled(dirty)
        if not self._valid:
            text = "\n".join([_("Fix the marked fields to save."), *self._general])
        elif dirty:
            text = self._sync_note or _("Unsaved changes.")
        else:
            text = self._saved_note if self._stored is not None else ""
        self.status.setObjectName("message" if not self._valid else "")
        self.status.style().polish(self.status)
        self.status.setText(text)

    # -- actions ---------------------------------------------------------------------------------

    def save(self, *, quiet: bool = False) -> bool:
        """Write the form; ``quiet`` tells no other screen (the vault is about to lock)."""
        if not self.session.is_open or not self._valid or not self.is_dirty():
            return False
        profile = self.form_profile()
        try:
            self.session.vault.profile.replace(profile)
        except WaystationError as exc:
            self.status.setText(exc.message)
            return False
        self._stored = profile
        self._stored_snapshot = self.snapshot()
        self._saved_note = _("Saved.")
        self._sync_note = ""
        self._update_buttons()
        if not quiet:
            self.session.notify(Change.PROFILE)
        return True

    def _save_before_lock(self) -> None:
        """Valid edits are kept when the vault locks; edits that cannot be saved are dropped."""
        self.revalidate()
        self.save(quiet=True)

    def undo(self) -> None:
        if self._stored is not None:
            self._saved_note = ""
            self._load(self._stored)

    # -- leaving with unsaved edits ----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        self.leaving.watch()
        super().showEvent(event)

    def _ask_leaving(self) -> Leaving:
        return save_discard_cancel(
            self, _("Unsaved changes"), _("The profile has changes that are not saved yet. Save them?")
        )

    def focus_item(self, section: str) -> None:
        """Scroll to a section ("permits", "stays", "host"…) or to one field of it
        ("person.date_of_birth", "host.address": the packets' check of empty fields) and put the
        focus there."""
        section, _dot, key = section.partition(".")
        widget = self.section_widgets.get(section)
        if widget is None:
            return
        self.scroll_area.ensureWidgetVisible(self.section_titles[section], 0, 0)
        self.scroll_area.ensureWidgetVisible(widget, 0, 24)
        target = self.tables[section].table if section in self.tables else widget
        field = self._field_widget(section, key)
        if field is not None:
            self.scroll_area.ensureWidgetVisible(field, 0, 48)
            target = field
        target.setFocus()

    def _field_widget(self, section: str, key: str) -> QWidget | None:
        if section == "person":
            return self.person.sex if key == "sex" else self._edit_of(self.person.fields, key)
        if section == "host":
            return self.host.country if key == "country" else self._edit_of(self.host.fields, key)
        return None

    @staticmethod
    def _edit_of(fields: Mapping[str, MessageField], key: str) -> QWidget | None:
        return fields[key].edit if key in fields else None

    def _permit_hint(self) -> str:
        """What the table is for, and the categories the host country's guide knows, so that a
        recorded permit meets the guide's rules for it."""
        hint = _(
            "Visas, residence permits, protection and receipts for applications you have filed: "
            "they decide how long you may stay. Days allowed: the stay a visa grants (e.g. 90)."
        )
        pack = self.session.host_pack() if self.session.is_open else None
        categories = sorted({r.match.category for r in pack.permit_rules if r.match.category}) if pack else []
        if categories:
            hint += " " + _("Categories this country's guide knows: {categories}.").format(
                categories=", ".join(categories)
            )
        return hint

    # -- Page ------------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Profile")

    def refresh(self) -> None:
        if self.is_dirty():
            return  # never throw away what the person is typing
        self._load(self.session.vault.profile.load())
        self.section_hints["permits"].setText(self._permit_hint())

    def clear(self) -> None:
        self._filling = True
        self.person.clear()
        self.host.clear()
        for table in self.tables.values():
            table.clear()
        self.notes.clear()
        self._filling = False
        self._stored = None
        self._stored_snapshot = ()
        self._saved_note = ""
        self._sync_note = ""
        self.arrival_sync.forget()
        self._valid = True
        self._general = []
        self._show(Problems())
        self._update_buttons()

    def retranslate(self) -> None:
        self.heading.setText(_("Profile"))
        self.intro.setText(
            _(
                "Everything here stays in the encrypted vault. Packets and deadlines are filled "
                "from it, so keep it current."
            )
        )
        titles = {
            "person": (_("Person"), ""),
            "passports": (_("Passports"), ""),
            "host": (_("Where you live now"), ""),
            "stays": (
                _("Entries and exits"),
                _("Every entry into a country and every exit from it; legal days are counted from these."),
            ),
            "permits": (_("Visas and permits"), self._permit_hint()),
            "family": (_("Family"), _("Family members who travel or live with you.")),
            "notes": (_("Notes"), _("Private notes for yourself.")),
        }
        for name, (title, hint) in titles.items():
            self.section_titles[name].setText(title)
            if name in self.tables:
                self.tables[name].table.setAccessibleName(title)
            self.section_hints[name].setText(hint)
            self.section_hints[name].setVisible(bool(hint))
        self.notes.setAccessibleName(_("Notes"))
        self.person.retranslate()
        self.host.retranslate()
        for table in self.tables.values():
            table.retranslate()
        self.undo_button.setText(_("&Undo changes"))
        self.undo_button.setAccessibleDescription(_("Go back to what is saved in the vault"))
        self.save_button.setText(_("&Save"))
        self.save_button.setAccessibleDescription(_("Save the profile in the vault (Ctrl+S)"))
        self.revalidate()
