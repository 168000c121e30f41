"""A packet request for the person in an open vault, shared by the command line and the desktop
app. Everything is read here, on the calling thread (profile, document list, status); only the
documents' contents are fetched later, by the builder, through the vault (which serialises its
connection, so the desktop app may build on a worker thread)."""

from __future__ import annotations

from datetime import date

from waystation.content.loader import PackLibrary
from waystation.content.model import Pack
from waystation.errors import InvalidInput
from waystation.i18n import _
from waystation.packets.request import PacketRequest
from waystation.rules.vault_status import vault_status
from waystation.vault.connection import Vault


def packet_packs(library: PackLibrary) -> list[Pack]:
    """The country guides that define at least one packet, by country code."""
    return [library.packs[code] for code in sorted(library.packs) if library.packs[code].packets]


def packet_pack(library: PackLibrary, country: str, track: str) -> Pack:
    """The pack for ``country`` if it defines a packet for ``track``; otherwise an InvalidInput
    that names what exists."""
    with_packets = [pack.country for pack in packet_packs(library)]
    pack = library.get(country.upper())
    if pack is None or not pack.packets:
        raise InvalidInput(
            _("There are no packets for {country}; packets exist for: {countries}.").format(
                country=country, countries=", ".join(with_packets) or "-"
            )
        )
    if track not in pack.packets:
        raise InvalidInput(
            _("There is no {track} packet for {country}; packets exist for: {tracks}.").format(
                track=track, country=pack.country, tracks=", ".join(sorted(pack.packets))
            )
        )
    return pack


def request_from_vault(
    vault: Vault,
    pack: Pack,
    track: str,
    *,
    language: str,
    made_on: date,
    password: str | None = None,
    lead_days: int | None = None,
    part: str = "both",
) -> PacketRequest:
    """The request for ``pack``'s ``track`` packet, checked (InvalidInput for a track, language or
    password the builder cannot use; StayHistoryError for stays that contradict each other)."""
    request = PacketRequest(
        profile=vault.profile.load(),
        pack=pack,
        track=track,
        status=vault_status(vault, pack, made_on, lead_days=lead_days),
        documents=tuple(vault.documents.list()),
        fetch=vault.documents.content,
        language=language,
        made_on=made_on,
        password=password,
        part=part,
    )
    request.check()
    return request
