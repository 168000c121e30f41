"""A reader that goes away early (``waystation doc list V | head -c1``) is no error: every command
that prints exits 0, says nothing on standard error and shows no traceback (issue 12)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_PROFILE, cli_env
from tests.forms_support import simple_form
from waystation.vault import profile_json
from waystation.vault.connection import Vault

PASS = "closed stdout pass"

LISTINGS = [
    ("doc", "list", "{vault}"),
    ("doc", "list", "{vault}", "--json"),
    ("status", "{vault}"),
    ("status", "{vault}", "--json"),
    ("plan", "{vault}", "--leave", "2026-12-01", "--return", "2027-01-10"),
    ("plan", "{vault}", "--leave", "2026-12-01", "--return", "2027-01-10", "--json"),
    ("vault", "check", "{vault}"),
    ("vault", "export-json", "{vault}", "-"),
    ("form", "maps", "{vault}"),
    ("form", "fields", "{form}"),
    ("form", "fields", "{form}", "--json"),
    ("content", "list"),
    ("content", "show", "GE"),
    ("content", "show", "GE", "--json"),
    ("content", "keys"),
    ("content", "keys", "--json"),
    ("content", "validate"),
    ("--help",),
    ("vault", "--help"),
    ("--version",),
]
NEEDS_PASSPHRASE = {"doc", "status", "plan", "vault"}


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("closed-stdout")
    vault = folder / "client.vault"
    with Vault.create(vault, PASS) as opened:
        opened.profile.replace(profile_json.from_document(SAMPLE_PROFILE))
        for i in range(300):  # more than a pipe holds, for the `head -c1` run
            opened.documents.add(
                b"%PDF-1.4 " + bytes([i % 256]) * 100, kind="other", title=f"scan number {i}"
            )
    form = folder / "form.pdf"
    form.write_bytes(simple_form())
    return {"vault": vault, "form": form, "home": folder / "home"}


def arguments(listing: tuple[str, ...], places: dict[str, Path]) -> list[str]:
    args = [part.format(vault=places["vault"], form=places["form"]) for part in listing]
    needs = (listing[0] in NEEDS_PASSPHRASE and "--help" not in listing) or listing[:2] == ("form", "maps")
    return [*args, "--passphrase-stdin"] if needs else args


# Each listing is a process of its own: one in every run (and `head -c1` below), all in the slow run.
ON_EVERY_RUN = {("status", "{vault}", "--json")}
SWEEP = [
    pytest.param(listing, marks=() if listing in ON_EVERY_RUN else pytest.mark.slow, id=" ".join(listing))
    for listing in LISTINGS
]


@pytest.mark.parametrize("listing", SWEEP)
def test_a_closed_standard_output_is_no_error(listing: tuple[str, ...], places: dict[str, Path]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will read: the first write fails with EPIPE
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "waystation", *arguments(listing, places)],
            input=f"{PASS}\n".encode(),
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=cli_env(places["home"]),
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b"", proc.stderr.decode()


def test_head_c1_on_a_long_listing(places: dict[str, Path]) -> None:
    """The shell's own pipe, as a person types it: the listing is longer than a pipe holds."""
    if not shutil.which("bash") or not shutil.which("head"):
        pytest.skip("no bash or head here")
    pipeline = 'printf "%s\\n" "$1" | "$2" -m waystation doc list "$3" --passphrase-stdin | head -c1; echo " ${PIPESTATUS[1]}"'
    proc = subprocess.run(
        ["bash", "-c", pipeline, "_", PASS, sys.executable, str(places["vault"])],
        capture_output=True,
        text=True,
        env=cli_env(places["home"]),
        timeout=120,
    )
    assert proc.stdout.split()[-1] == "0", proc.stdout  # the exit code of waystation
    assert proc.stderr == "", proc.stderr
