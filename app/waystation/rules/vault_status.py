"""The status of the person in an open vault: their host country's guide, their stays, progress,
documents and the preferences stored with them. Shared by the command line and the desktop app."""

from __future__ import annotations

import json
from datetime import date

from waystation.content.loader import PackLibrary
from waystation.content.model import Pack
from waystation.errors import InvalidInput
from waystation.i18n import _
from waystation.rules.expiry import DEFAULT_LEAD_DAYS
from waystation.rules.history import check_stays
from waystation.rules.status import Status, build_status
from waystation.vault.connection import Vault

LEAD_DAYS_SETTING = "expiry_lead_days"
PURPOSES_SETTING = "purposes"


def host_pack(vault: Vault, library: PackLibrary) -> Pack:
    """The guide for the profile's host country; a clear error when there is none."""
    country = vault.profile.load().host.country
    if not country:
        raise InvalidInput(_("The profile has no host country yet (host.country)."))
    pack = library.get(country)
    if pack is None:
        raise InvalidInput(
            _("There is no country guide for {country}; guides exist for: {countries}.").format(
                country=country, countries=", ".join(library.countries())
            )
        )
    return pack


def stored_purposes(vault: Vault) -> set[str] | None:
    text = vault.settings.get(PURPOSES_SETTING)
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return {str(v) for v in value} if isinstance(value, list) else None


def vault_status(vault: Vault, pack: Pack, on: date, *, lead_days: int | None = None) -> Status:
    profile = vault.profile.load()
    check_stays(profile.stays)
    stored_lead = vault.settings.get(LEAD_DAYS_SETTING)
    return build_status(
        pack,
        profile,
        vault.progress.all(),
        on,
        documents=vault.documents.list(),
        purposes=stored_purposes(vault),
        lead_days=lead_days if lead_days is not None else int(stored_lead or DEFAULT_LEAD_DAYS),
    )
