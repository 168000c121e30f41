"""Before building: the fields the office will look for that are empty in the profile, each a link
that opens the profile at that field (``chosen("profile", target)``). Building anyway stays
possible; the panel says so. The check itself is core logic (packets/readiness.py)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from waystation.i18n import _, ngettext
from waystation.packets.readiness import Gap
from waystation.ui.pages.base import plain_label
from waystation.ui.widgets.link_list import LinkList

MAX_LINKS = 5  # more would push the packet's other choices off a small screen


def section_name(section: str) -> str:
    """The profile screen's name for its section (the same words as its headings)."""
    names = {"person": _("Person"), "passports": _("Passports"), "host": _("Where you live now")}
    return names.get(section, _("Profile"))


class ReadinessPanel(QWidget):
    """Shows ``gaps``; hidden while there is nothing to check (no vault, or only the part for the
    applicant is made)."""

    chosen = Signal(str, str)  # page key, item id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gaps: tuple[Gap, ...] = ()
        self.heading = plain_label("", self)
        self.heading.setObjectName("strong")
        self.summary = plain_label("", self, wrap=True)
        self.links = LinkList(self)
        self.note = plain_label("", self, wrap=True)
        self.note.setObjectName("meta")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(4)
        for widget in (self.heading, self.summary, self.links, self.note):
            layout.addWidget(widget)
        self.links.chosen.connect(self.chosen)
        self.retranslate()

    def show_gaps(self, gaps: Sequence[Gap]) -> None:
        self.gaps = tuple(gaps)
        self.retranslate()

    def clear(self) -> None:
        self.gaps = ()
        self.links.clear()
        self.summary.clear()

    def retranslate(self) -> None:
        gaps = self.gaps
        self.heading.setText(_("Before you build"))
        self.links.setAccessibleName(_("Empty fields the office needs"))
        self.links.clear()
        if not gaps:
            self.summary.setText(_("Everything the office usually asks for is filled in."))
            self.note.hide()
            return
        self.summary.setText(
            ngettext(
                "The office will look for {n} field that is empty in your profile:",
                "The office will look for {n} fields that are empty in your profile:",
                len(gaps),
            ).format(n=len(gaps))
        )
        shown = gaps if len(gaps) <= MAX_LINKS else gaps[: MAX_LINKS - 1]
        for gap in shown:
            detail = _("Profile · {section}").format(section=section_name(gap.section))
            self.links.add_link(gap.name, detail, "profile", gap.target, warm=True)
        if len(shown) < len(gaps):
            rest = len(gaps) - len(shown)
            self.links.add_link(
                ngettext("{n} more empty field", "{n} more empty fields", rest).format(n=rest),
                _("Open the profile"),
                "profile",
                gaps[len(shown)].target,
                warm=True,
            )
        self.note.setText(_("You can build the packet anyway: empty fields read “not provided”."))
        self.note.show()
