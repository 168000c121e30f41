"""Writes tests/golden/vault-v<N>.vault for the current format. Run once per new format version and
commit the file: every later version must still open it (tests/unit/test_golden_vaults.py)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from waystation.vault import profile_json
from waystation.vault.connection import Vault
from waystation.vault.migrations import latest_version

GOLDEN_PASSPHRASE = "golden vault 'passphrase' ✓"
HERE = Path(__file__).resolve().parent


GOLDEN_PASSPORT_LINK = "751234567"  # from format 3 on, the golden scan shows this passport of the profile


def golden_profile_path(version: int) -> Path:
    """The profile written into the golden vault of ``version``: the newest profile file made for
    that version or an earlier one (v1 had no permits; v3 changed documents, not the profile)."""
    for number in range(version, 1, -1):
        path = HERE / f"profile-v{number}.json"
        if path.exists():
            return path
    return HERE / "profile.json"


def golden_passport_link(version: int) -> str | None:
    return GOLDEN_PASSPORT_LINK if version >= 3 else None


# from format 4 on, the golden vault keeps the mapping of one official form
GOLDEN_FORM_FINGERPRINT = "fp1:0123456789abcdef0123456789abcdef"
GOLDEN_FORM_MAP = json.dumps(
    {
        "format": "waystation-form-map/1",
        "form": {"fingerprint": GOLDEN_FORM_FINGERPRINT, "title": "Antrag", "fields": 2, "language": "de"},
        "fields": {
            "Familienname": {"value": "person.family_name_latin"},
            "weiblich": {"check": 'person.sex == "F"'},
        },
    },
    ensure_ascii=False,
)


def golden_form_maps(version: int) -> list[tuple[str, str, str]]:
    """(fingerprint, title, mapping JSON) kept in the golden vault of ``version``."""
    return [(GOLDEN_FORM_FINGERPRINT, "Antrag", GOLDEN_FORM_MAP)] if version >= 4 else []


def main() -> int:
    version = latest_version()
    target = HERE / f"vault-v{version}.vault"
    profile = profile_json.from_document(json.loads(golden_profile_path(version).read_text("utf-8")))
    with Vault.create(target, GOLDEN_PASSPHRASE) as vault:
        vault.profile.replace(profile)
        vault.documents.add(
            (HERE / "scan.png").read_bytes(),
            kind="passport",
            original_name="scan.png",
            title="Паспорт",
            issued=date(2019, 5, 20),
            expires=date(2029, 5, 20),
            added=date(2026, 11, 22),
            passport_number=golden_passport_link(version),
        )
        vault.progress.set("ge.residence.permit", "done", on=date(2026, 10, 1), note="заметка")
        vault.settings.set("language", "ru")
        if golden_form_maps(version):
            from waystation.vault.repositories.form_maps import FormMapRepository

            for fingerprint, title, text in golden_form_maps(version):
                FormMapRepository(vault).save(fingerprint, title, text, date(2026, 11, 22))
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
