"""Documents, progress and settings stored in a real vault."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from waystation.errors import InvalidInput
from waystation.vault.connection import Vault
from waystation.vault.filetypes import sniff_mime
from waystation.vault.repositories.documents import MAX_DOCUMENT_BYTES


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    v = Vault.create(tmp_path / "a.vault", PASSPHRASE)
    yield v
    v.close()


def test_documents_round_trip(vault: Vault) -> None:
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10
    info = vault.documents.add(
        data,
        kind="passport",
        original_name="scan.png",
        title="Паспорт",
        issued=date(2019, 5, 20),
        expires=date(2029, 5, 20),
    )
    assert info.mime_type == "image/png"
    assert vault.documents.list() == [info]
    assert vault.documents.content(info.id) == data
    updated = vault.documents.update(
        info.id, kind="permit", title="ВНЖ", issued=None, expires=date(2027, 1, 1)
    )
    assert (updated.kind, updated.title, updated.expires) == ("permit", "ВНЖ", date(2027, 1, 1))
    vault.documents.delete(info.id)
    assert vault.documents.list() == []
    assert vault.read("SELECT count(*) FROM document_content") == [(0,)]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "selfie"}, "Unknown document kind"),
        (
            {"kind": "passport", "issued": date(2030, 1, 1), "expires": date(2020, 1, 1)},
            "before the issue",
        ),
    ],
)
def test_bad_document_input_adds_nothing(vault: Vault, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        vault.documents.add(b"data", **kwargs)  # type: ignore[arg-type]
    assert vault.documents.list() == []


def test_empty_and_oversized_documents(vault: Vault) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        vault.documents.add(b"", kind="other")
    with pytest.raises(InvalidInput, match="larger than"):
        vault.documents.add(b"x" * (MAX_DOCUMENT_BYTES + 1), kind="other")
    assert vault.documents.list() == []


def test_unknown_document_number(vault: Vault) -> None:
    with pytest.raises(InvalidInput, match="no document number 7"):
        vault.documents.content(7)


def test_progress_keeps_note_and_rejects_bad_state(vault: Vault) -> None:
    vault.progress.set("kz.residence.trp", "doing", note="собрать справки")
    vault.progress.set("kz.residence.trp", "done", on=date(2026, 3, 1))
    step = vault.progress.get("kz.residence.trp")
    assert step is not None
    assert (step.state, step.on, step.note) == ("done", date(2026, 3, 1), "собрать справки")
    with pytest.raises(InvalidInput, match="Unknown state"):
        vault.progress.set("kz.residence.trp", "finished")


def test_settings(vault: Vault) -> None:
    assert vault.settings.get("language") is None
    vault.settings.set("language", "ru")
    vault.settings.set("language", "uk")
    assert vault.settings.get("language") == "uk"


@pytest.mark.parametrize(
    ("head", "name", "mime"),
    [
        (b"%PDF-1.7", "x", "application/pdf"),
        (b"\xff\xd8\xff\xe0", "x.bin", "image/jpeg"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "", "image/webp"),
        (b"hello", "notes.txt", "text/plain"),
        (b"\x00\x01", "", "application/octet-stream"),
    ],
)
def test_sniff_mime(head: bytes, name: str, mime: str) -> None:
    assert sniff_mime(head, name) == mime


def test_closed_vault_refuses_use(vault: Vault) -> None:
    vault.close()
    with pytest.raises(Exception, match="locked"):
        vault.documents.list()
