"""What the packet builder is given and what it gives back.

The request carries everything already loaded (profile, document metadata, the pack, the status),
plus a function that returns a document's bytes, so the desktop app can build a packet on a worker
thread without sharing the vault connection: it can pass contents read beforehand, or a function
that opens its own connection.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from waystation.content.model import Pack
from waystation.errors import InvalidInput, WaystationError
from waystation.i18n import _
from waystation.packets.labels import label_languages
from waystation.packets.password import check_pdf_password
from waystation.rules.status import Status
from waystation.vault.models import DocumentInfo, Profile

Progress = Callable[[int, int, str], None]
"""``progress(done, total, message)``: ``done`` of ``total`` units, and what is being done now."""

Cancelled = Callable[[], bool]

PARTS: tuple[str, ...] = ("both", "office", "personal")
"""Which part of the packet to make: "office" (the cover, the applicant's data, a line to sign and
date, the scans: what a clerk takes), "personal" (the documents checklist with what is missing,
the deadlines, the steps and their sources: what the applicant keeps), or "both", in that order."""


class PacketCancelled(WaystationError):
    """The caller asked to stop; nothing was written."""

    def __init__(self, _annotation: str | None = None) -> None:
        # ReportLab re-raises errors from inside a layout as ``type(error)(annotated message)``;
        # the message stays ours.
        super().__init__(_("The packet was cancelled; nothing was written."))


@dataclass(frozen=True)
class PacketRequest:
    """One packet: ``pack``'s packet definition for ``track``, for the person in ``profile``.

    ``language`` is the applicant's language, shown beside the pack's ``label_language``;
    ``status`` gives the steps' due dates and the stay (build it for ``pack`` and ``made_on``).
    ``fetch(document_id)`` returns a document's bytes. ``password`` encrypts the PDF (AES-256).
    ``part`` is one of PARTS.
    """

    profile: Profile
    pack: Pack
    track: str
    status: Status
    documents: tuple[DocumentInfo, ...]
    fetch: Callable[[int], bytes]
    language: str
    made_on: date
    password: str | None = field(default=None, repr=False)
    part: str = "both"

    @property
    def for_office(self) -> bool:
        return self.part in ("both", "office")

    @property
    def for_applicant(self) -> bool:
        return self.part in ("both", "personal")

    def check(self) -> None:
        """Refuse a request the pack cannot serve (an InvalidInput naming what exists)."""
        if self.track not in self.pack.packets:
            raise InvalidInput(
                _("There is no {track} packet for {country}; packets exist for: {tracks}.").format(
                    track=self.track,
                    country=self.pack.country,
                    tracks=", ".join(sorted(self.pack.packets)) or "-",
                )
            )
        if self.language not in label_languages():
            raise InvalidInput(
                _("Packets cannot be made in {language}; use one of: {languages}.").format(
                    language=self.language, languages=", ".join(label_languages())
                )
            )
        if self.part not in PARTS:
            raise InvalidInput(
                _("There is no packet part {part}; choose one of: {parts}.").format(
                    part=self.part, parts=", ".join(PARTS)
                )
            )
        if self.password is not None:
            check_pdf_password(self.password)


@dataclass(frozen=True)
class PacketResult:
    """A finished packet: the PDF, its page count, and what went wrong on the way (one
    translated sentence each, e.g. a scan that was skipped)."""

    pdf: bytes = field(repr=False)
    pages: int
    warnings: tuple[str, ...] = ()
    encrypted: bool = False
