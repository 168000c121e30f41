"""Every command of the command line that writes, with what it needs, for the full-disk,
read-only and two-process tests: where the vault is, where new files go, and what the vault
held before (to prove nothing was lost)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import SAMPLE_PROFILE, pw
from tests.faults.support import run_cli
from tests.forms_support import simple_form
from waystation.vault import profile_json
from waystation.vault.connection import Vault

PASS = "fault suite passphrase"
NEW_PASS = "fault suite new passphrase"
STEP = "ge.residence.entry_insurance"


@dataclass(frozen=True)
class Places:
    vault: Path
    target: Path  # the folder new files are written to
    inputs: Path  # files the commands read (never on the disk under test)


@dataclass(frozen=True)
class WriteCommand:
    name: str
    args: Callable[[Places], list[str]]
    stdin: str = pw(PASS)
    opens_vault: bool = True  # a second process holding the vault makes it exit 5

    def run(self, home: Path, places: Places, **options: Any) -> Any:
        return run_cli(home, *self.args(places), stdin=self.stdin, **options)


COMMANDS = [
    WriteCommand(
        "vault create",
        lambda p: ["vault", "create", str(p.target / "new.vault"), "--passphrase-stdin"],
        opens_vault=False,
    ),
    WriteCommand(
        "vault passwd", lambda p: ["vault", "passwd", str(p.vault), "--passphrase-stdin"], pw(PASS, NEW_PASS)
    ),
    WriteCommand(
        "vault backup",
        lambda p: ["vault", "backup", str(p.vault), str(p.target / "copy.vault"), "--passphrase-stdin"],
    ),
    WriteCommand(
        "vault import-json",
        lambda p: [
            "vault",
            "import-json",
            str(p.vault),
            str(p.inputs / "profile.json"),
            "--passphrase-stdin",
        ],
    ),
    WriteCommand(
        "vault export-json",
        lambda p: [
            "vault",
            "export-json",
            str(p.vault),
            str(p.target / "profile.json"),
            "--passphrase-stdin",
        ],
    ),
    WriteCommand(
        "doc add",
        lambda p: [
            "doc",
            "add",
            str(p.vault),
            str(p.inputs / "scan.pdf"),
            "--kind",
            "passport",
            "--passphrase-stdin",
        ],
    ),
    WriteCommand(
        "step", lambda p: ["step", str(p.vault), STEP, "done", "--note", "noted", "--passphrase-stdin"]
    ),
    WriteCommand(
        "calendar",
        lambda p: ["calendar", str(p.vault), "--out", str(p.target / "deadlines.ics"), "--passphrase-stdin"],
    ),
    WriteCommand(
        "packet",
        lambda p: [
            "packet",
            str(p.vault),
            "--country",
            "GE",
            "--track",
            "residence",
            "--out",
            str(p.target / "packet.pdf"),
            "--passphrase-stdin",
        ],
    ),
    WriteCommand(
        "form fill",
        lambda p: [
            "form",
            "fill",
            str(p.vault),
            str(p.inputs / "form.pdf"),
            "--map",
            str(p.inputs / "map.json"),
            "--out",
            str(p.target / "filled.pdf"),
            "--passphrase-stdin",
        ],
    ),
    WriteCommand("vault wipe", lambda p: ["vault", "wipe", str(p.vault), "--yes"], stdin=""),
]
IDS = [command.name for command in COMMANDS]


def make_inputs(folder: Path, home: Path) -> Path:
    """The files the commands read: a changed profile, a scan, a form and its mapping."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = json.loads(json.dumps(SAMPLE_PROFILE))
    changed["person"]["given_names"] = "Анна"
    (folder / "profile.json").write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n" + b"scan " * 60_000)
    (folder / "form.pdf").write_bytes(simple_form())
    mapped = run_cli(home, "form", "map", str(folder / "form.pdf"), "--out", str(folder / "map.json"))
    assert mapped.code == 0, mapped.err
    return folder


def make_vault(path: Path, megabytes: int = 1) -> Path:
    with Vault.create(path, PASS) as vault:
        vault.profile.replace(profile_json.from_document(SAMPLE_PROFILE))
        vault.documents.add(
            b"%PDF-1.4\n" + bytes(range(256)) * (4096 * megabytes), kind="other", title="kept"
        )
        vault.progress.set("ge.residence.visa_free_year", "doing")
    return path


def held(path: Path, passphrase: str = PASS) -> tuple[Any, ...]:
    """What the vault holds, to compare before and after."""
    with Vault.open(path, passphrase) as vault:
        documents = tuple((d.title, d.sha256) for d in vault.documents.list())
        progress = tuple(sorted((k, v.state, v.note) for k, v in vault.progress.all().items()))
        return profile_json.to_document(vault.profile.load()), documents, progress
