"""The arrival date and the entries, kept in step on the profile form.

One truth (see ``profile_json``): the entries and exits are the record, and the arrival date is the
first day of the latest stay in the host country as they show it. On the form, either side may be
edited and the other follows at once:
- a new arrival date moves the entry that begins that stay, or adds an open entry (no exit yet)
  when the host country has no entry at all — the usual case after skipping the first-run wizard;
- edited entries (or another host country that has entries) set the arrival date they imply.
A cleared arrival date leaves the entries alone: empty means "not known", not "no entry"."""

from __future__ import annotations

from datetime import date

from waystation.i18n import _
from waystation.ui.pages.profile_columns import readable_stays
from waystation.ui.pages.profile_person import HostSection
from waystation.ui.pages.profile_tables import RecordTable, Row
from waystation.vault.profile_json import current_stay_start


def stay_start(rows: list[Row], country: str | None) -> date | None:
    """The first day of the latest stay in ``country`` as the entry rows show it."""
    if not country:
        return None
    return current_stay_start((stay for _row, stay in readable_stays(rows)), country)


def entries_for_arrival(rows: list[Row], country: str | None, arrival: date | None) -> list[Row] | None:
    """The entry rows once the arrival date is ``arrival``; None when they need no change."""
    if not country or arrival is None:
        return None
    start = stay_start(rows, country)
    if start == arrival:
        return None
    if start is None:
        return [*rows, {"country": country, "entered": arrival.isoformat(), "left": ""}]
    changed = [dict(row) for row in rows]
    for row in changed:
        if row["country"] == country and row["entered"] == start.isoformat():
            row["entered"] = arrival.isoformat()
            break
    return changed


class ArrivalSync:
    """Applies the rules above to the form's host section and entries table. Each method returns
    a sentence for the status line when it changed the other side, else ""."""

    def __init__(self, host: HostSection, stays: RecordTable) -> None:
        self.host = host
        self.stays = stays
        self._seen: tuple[str | None, str] = (None, "")
        self._busy = False

    def _key(self) -> tuple[str | None, str]:
        return (self.host.country.code(), self.host.arrival_date.key())

    def forget(self) -> None:
        self._seen = (None, "")

    def after_load(self) -> str:
        """A stored profile was put in the form; an older vault's arrival becomes an entry. A
        stored disagreement is left for the person to settle (the check names it)."""
        self._seen = self._key()
        if stay_start(self.stays.rows(), self._seen[0]) is None and self._arrival_to_entries():
            return _("Your arrival date is now also an entry below. Save to keep it.")
        return ""

    def host_edited(self) -> str:
        if self._busy or self._key() == self._seen:
            return ""
        country_changed = self._key()[0] != self._seen[0]
        note = ""
        if country_changed and self._entries_to_arrival():
            note = _("The arrival date follows the entries below.")
        elif self._arrival_to_entries():
            note = _("The entries below follow the arrival date.")
        self._seen = self._key()
        return note

    def entries_edited(self) -> str:
        if self._busy or not self._entries_to_arrival():
            return ""
        return _("The arrival date follows the entries below.")

    def _arrival_to_entries(self) -> bool:
        rows = entries_for_arrival(
            self.stays.rows(), self.host.country.code(), self.host.arrival_date.value()
        )
        if rows is not None:
            self.stays.set_rows(rows)
        return rows is not None

    def _entries_to_arrival(self) -> bool:
        start = stay_start(self.stays.rows(), self.host.country.code())
        if start is None or start == self.host.arrival_date.value():
            return False
        self._busy = True
        try:
            self.host.arrival_date.set_value(start)
        finally:
            self._busy = False
        self._seen = self._key()
        return True
