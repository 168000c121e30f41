"""Every vault format ever shipped still opens, with all its data (storage golden files)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.golden.make_golden import (
    GOLDEN_PASSPHRASE,
    golden_form_maps,
    golden_passport_link,
    golden_profile_path,
)
from waystation.vault import copies, profile_json
from waystation.vault.connection import Vault

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def expected_export(version: int) -> dict[str, object]:
    """What the golden vault of ``version`` exports today: its profile in the current format."""
    expected = json.loads(golden_profile_path(version).read_text("utf-8"))
    expected["format"] = profile_json.FORMAT
    expected.setdefault("permits", [])
    return dict(expected)


def version_of(golden: Path) -> int:
    return int(golden.stem.removeprefix("vault-v"))


@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("vault-v*.vault")), ids=lambda p: p.name)
def test_golden_vault_opens_with_all_data(golden: Path, tmp_path: Path) -> None:
    copy = tmp_path / golden.name
    shutil.copyfile(golden, copy)  # an upgrade may write; the committed file must stay as it was
    with Vault.open(copy, GOLDEN_PASSPHRASE) as vault:
        assert copies.check(vault).ok
        assert profile_json.to_document(vault.profile.load()) == expected_export(version_of(golden))
        [scan] = vault.documents.list()
        assert (scan.kind, scan.title, scan.expires) == ("passport", "Паспорт", date(2029, 5, 20))
        assert scan.passport_number == golden_passport_link(version_of(golden))
        assert vault.documents.content(scan.id) == (GOLDEN / "scan.png").read_bytes()
        progress = vault.progress.get("ge.residence.permit")
        assert progress is not None and (progress.state, progress.note) == ("done", "заметка")
        assert vault.settings.get("language") == "ru"
        from waystation.vault.repositories.form_maps import FormMapRepository

        kept = [(m.fingerprint, m.title, m.text) for m in FormMapRepository(vault).all()]
        assert kept == golden_form_maps(version_of(golden))


def test_there_is_a_golden_file_for_the_current_format() -> None:
    from waystation.vault.migrations import latest_version

    assert (GOLDEN / f"vault-v{latest_version()}.vault").exists()


def test_a_version_1_vault_is_upgraded_after_a_verified_safety_copy(tmp_path: Path) -> None:
    from waystation.vault.migrations import latest_version

    copy = tmp_path / "old.vault"
    shutil.copyfile(GOLDEN / "vault-v1.vault", copy)
    with Vault.open(copy, GOLDEN_PASSPHRASE) as vault:
        assert vault.schema_version() == latest_version()
        assert vault.profile.load().permits == ()
    safety = tmp_path / "old.vault.v1.bak"
    with Vault.open(safety, GOLDEN_PASSPHRASE) as before:
        # the safety copy is the vault as it was; opening it upgrades the copy, not the original
        assert profile_json.to_document(before.profile.load()) == expected_export(1)


@pytest.mark.parametrize("old", [1, 2])
def test_an_old_scan_is_unlinked_after_the_upgrade_and_can_be_linked(old: int, tmp_path: Path) -> None:
    copy = tmp_path / "old.vault"
    shutil.copyfile(GOLDEN / f"vault-v{old}.vault", copy)
    with Vault.open(copy, GOLDEN_PASSPHRASE) as vault:
        [scan] = vault.documents.list()
        assert scan.passport_number is None
        linked = vault.documents.update(
            scan.id,
            kind="passport",
            title=scan.title,
            issued=scan.issued,
            expires=scan.expires,
            passport_number="751 234 567",
        )
        assert linked.passport_number == "751234567"  # the profile's own spelling
    with Vault.open(copy, GOLDEN_PASSPHRASE) as again:
        assert again.documents.list()[0].passport_number == "751234567"
