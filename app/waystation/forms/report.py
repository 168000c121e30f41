"""The check report after filling: what to look at before handing the form in.

Each finding names a field (by its printed label where one was found) and what is wrong with it:
left empty because the profile lacks the value, cut to the field's length, too long to show in
full, a date written in another format than the form expects, a value that is not one of the
field's choices, a field the mapping does not know, or one left to be filled by hand.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal

from waystation.i18n import _, ngettext

FindingKind = Literal[
    "empty", "truncated", "overflow", "date_format", "not_in_choices", "unknown", "by_hand", "read_only"
]
# the order of the report: what needs action first
ORDER: tuple[str, ...] = (
    "not_in_choices",
    "truncated",
    "overflow",
    "date_format",
    "empty",
    "unknown",
    "read_only",
    "by_hand",
)
REPORT_FORMAT = "waystation-form-report/1"


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    field: str  # the field's name in the PDF
    label: str  # what the person sees printed next to it ("" when none was found)
    detail: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def where(self) -> str:
        return self.label or self.field

    def message(self) -> str:
        """One translated sentence about this field."""
        d = self.detail
        if self.kind == "empty":
            return _("{field}: left empty; the profile has no “{value}”.").format(
                field=self.where, value=d.get("value", "")
            )
        if self.kind == "truncated":
            return _(
                "{field}: cut to {n} characters (the field takes no more): “{kept}”, without “{cut}”."
            ).format(field=self.where, n=d.get("max_length", 0), kept=d.get("kept", ""), cut=d.get("cut", ""))
        if self.kind == "overflow":
            return _("{field}: too long to show in full in its box; check it on the printout.").format(
                field=self.where
            )
        if self.kind == "date_format":
            return _("{field}: the date is written as {written}, but this form expects {expected}.").format(
                field=self.where, written=d.get("written", ""), expected=d.get("expected", "")
            )
        if self.kind == "not_in_choices":
            return _("{field}: “{value}” is not one of the field's choices; it was left empty.").format(
                field=self.where, value=d.get("value", "")
            )
        if self.kind == "unknown":
            return _("{field}: the mapping does not say what goes here; it was left as it was.").format(
                field=self.where
            )
        if self.kind == "read_only":
            return _("{field}: the form does not let this field be filled.").format(field=self.where)
        return _("{field}: to be filled by hand.").format(field=self.where)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "field": self.field, "label": self.label, **self.detail}


@dataclass(frozen=True)
class CheckReport:
    findings: tuple[Finding, ...]
    filled: int  # fields that received a value or a state
    fillable: int  # fields that can take one

    @property
    def problems(self) -> tuple[Finding, ...]:
        """What needs a look (everything but the fields deliberately left for the person)."""
        return tuple(f for f in self.findings if f.kind not in ("by_hand",))

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: ORDER.index(f.kind))

    def summary(self) -> str:
        filled = ngettext(
            "{n} of {total} field filled.", "{n} of {total} fields filled.", self.filled
        ).format(n=self.filled, total=self.fillable)
        count = len(self.problems)
        if not count:
            return filled + " " + _("Nothing to check.")
        return (
            filled
            + " "
            + ngettext(
                "{n} thing to check before handing it in:", "{n} things to check before handing it in:", count
            ).format(n=count)
        )

    def lines(self) -> list[str]:
        return [finding.message() for finding in self.sorted()]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": REPORT_FORMAT,
            "filled": self.filled,
            "fillable": self.fillable,
            "findings": [finding.to_json() for finding in self.sorted()],
        }
