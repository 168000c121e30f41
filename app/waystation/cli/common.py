"""Shared pieces of the command line: argument types, opening a vault, writing files safely
(``write_new_file`` lives in the core, ``waystation.files``, and is re-exported here)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from waystation.cli.passphrases import PassphraseSource
from waystation.errors import InvalidInput
from waystation.files import write_new_file
from waystation.i18n import _, format_number
from waystation.vault.connection import Vault
from waystation.vault.iso_date import parse_date

__all__ = [
    "human_size",
    "iso_date",
    "open_vault",
    "opened_vault",
    "passphrases",
    "write_new_file",
    "write_output",
]

if TYPE_CHECKING:
    from waystation.content.loader import PackLibrary


def iso_date(text: str) -> date:
    parsed = parse_date(text)
    if parsed is None:
        raise argparse.ArgumentTypeError(_("{value!r} is not a date (use YYYY-MM-DD)").format(value=text))
    return parsed


def passphrases(args: argparse.Namespace) -> PassphraseSource:
    return PassphraseSource(bool(getattr(args, "passphrase_stdin", False)))


def open_vault(args: argparse.Namespace, source: PassphraseSource) -> tuple[Vault, str]:
    """The vault named by ``args.vault``, and the passphrase that opened it."""
    path = Path(args.vault)
    if not path.exists():
        raise InvalidInput(_("There is no vault at {path}.").format(path=path))
    passphrase = source.ask(_("Passphrase for {name}: ").format(name=path.name))
    from waystation.app_settings import SettingsStore
    from waystation.unlock_guard import FailureCounter, open_guarded

    store = SettingsStore()
    limit = store.load().wipe_after_failures
    return open_guarded(path, passphrase, limit=limit, counter=FailureCounter(store.folder)), passphrase


@contextlib.contextmanager
def opened_vault(args: argparse.Namespace, source: PassphraseSource | None = None) -> Iterator[Vault]:
    vault, _passphrase = open_vault(args, source or passphrases(args))
    with vault:
        yield vault


def write_output(target: str, text: str, *, force: bool) -> None:
    """``-`` means standard output."""
    if target == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_new_file(Path(target), text.encode("utf-8"), force=force)


def human_size(size: int) -> str:
    """A size in bytes as a short text in the active language, e.g. "48.0 KB" / "48,0 KB"."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{format_number(value, 0 if unit == 'B' else 1)} {unit}"
        value /= 1024
    return f"{format_number(value)} B"


def load_guides() -> PackLibrary:
    """The country guides; any that were refused are named on standard error (the rest load)."""
    from waystation.content.loader import load_library

    library = load_library()
    for file, problems in library.refused.items():
        print(
            "waystation: "
            + _("the country guide {file} was not loaded ({n} problem(s)).").format(
                file=file, n=len(problems)
            ),
            file=sys.stderr,
        )
    return library
