"""The mappings a person keeps in their vault, and sets of mappings a help desk hands around.

A set (``waystation-form-maps/1``) is a list of mappings in one JSON file, so a desk can export
the mappings for the forms of its office once and import them into each client's vault. Import
takes a set or a single mapping, checks every one before it keeps any, and replaces the mapping
kept for the same form.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from waystation.errors import InvalidInput
from waystation.forms.mapping import FORMAT, MAX_MAP_BYTES, FormMap, from_json, loads
from waystation.i18n import _
from waystation.vault.connection import Vault
from waystation.vault.repositories.form_maps import FormMapRepository, StoredMapping

SET_FORMAT = "waystation-form-maps/1"
MAX_SET_BYTES = 16 * 1024 * 1024
MAX_SET_MAPPINGS = 500


def dumps_set(mappings: list[FormMap]) -> str:
    data = {"format": SET_FORMAT, "mappings": [mapping.to_json() for mapping in mappings]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def loads_any(text: str | bytes) -> list[FormMap]:
    """The mappings in a set file or a single mapping file; InvalidInput naming the first
    problem (``mappings[2].fields.Text1.value: …``)."""
    if len(text) > MAX_SET_BYTES:
        raise InvalidInput(
            _("The file is larger than {limit} MB; it is not a set of form mappings.").format(
                limit=MAX_SET_BYTES // (1024 * 1024)
            )
        )
    try:
        data: Any = json.loads(text)
    except (ValueError, RecursionError):
        raise InvalidInput(_("The mapping is not valid JSON.")) from None
    if isinstance(data, dict) and data.get("format") == FORMAT:
        if len(text) > MAX_MAP_BYTES:
            return [loads(text)]  # refused there, with its own message
        return [from_json(data)]
    if (
        not isinstance(data, dict)
        or data.get("format") != SET_FORMAT
        or not isinstance(data.get("mappings"), list)
    ):
        raise InvalidInput(
            _("This is neither a form mapping ({one}) nor a set of them ({set}).").format(
                one=FORMAT, set=SET_FORMAT
            )
        )
    items = data["mappings"]
    if len(items) > MAX_SET_MAPPINGS:
        raise InvalidInput(
            _("The set holds {n} mappings; Waystation imports up to {limit} at a time.").format(
                n=len(items), limit=MAX_SET_MAPPINGS
            )
        )
    found = []
    for index, item in enumerate(items):
        try:
            found.append(from_json(item))
        except InvalidInput as exc:
            raise InvalidInput(
                _("mappings[{index}]: {problem}").format(index=index, problem=exc.message)
            ) from None
    return found


def kept(vault: Vault) -> list[FormMap]:
    """Every mapping kept in the vault (one that no longer reads is left out)."""
    found = []
    for stored in FormMapRepository(vault).all():
        try:
            found.append(loads(stored.text))
        except InvalidInput:
            continue
    return found


def kept_for(vault: Vault, fingerprint: str) -> FormMap | None:
    stored = FormMapRepository(vault).get(fingerprint)
    if stored is None:
        return None
    try:
        return loads(stored.text)
    except InvalidInput:
        return None


def keep(vault: Vault, mappings: list[FormMap], today: date) -> None:
    """Keep ``mappings`` in the vault (all or none), replacing those kept for the same forms."""
    FormMapRepository(vault).save_all(
        [StoredMapping(m.fingerprint, m.title, m.dumps(), today) for m in mappings]
    )


def forget(vault: Vault, fingerprint: str) -> bool:
    return FormMapRepository(vault).delete(fingerprint)
