"""Where passphrases come from: a terminal prompt, or standard input with --passphrase-stdin
(one per line; only the line ending is removed, so spaces stay part of the passphrase)."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Iterator
from typing import TextIO

from waystation.errors import InvalidInput
from waystation.i18n import _


class PassphraseSource:
    def __init__(self, from_stdin: bool, stdin: TextIO | None = None) -> None:
        self._from_stdin = from_stdin
        self._stdin = stdin or sys.stdin
        self._lines: Iterator[str] | None = None

    def _next_line(self) -> str:
        if self._lines is None:
            self._lines = iter(self._stdin)
        line = next(self._lines, None)
        if line is None:
            raise InvalidInput(_("Standard input ended before a passphrase was read."))
        text = str(line)
        if text.endswith("\r\n"):
            return text[:-2]
        return text[:-1] if text.endswith("\n") else text

    def _prompt(self, prompt: str) -> str:
        if not sys.stdin or not sys.stdin.isatty():
            raise InvalidInput(
                _(
                    "No terminal to ask for the passphrase; use --passphrase-stdin to give it on standard input."
                )
            )
        try:
            return getpass.getpass(prompt)
        except EOFError:
            raise InvalidInput(_("No passphrase was entered.")) from None

    def ask(self, prompt: str) -> str:
        return self._next_line() if self._from_stdin else self._prompt(prompt)

    def ask_new(self, prompt: str, repeat_prompt: str) -> str:
        """A new passphrase: asked twice on a terminal, once on standard input."""
        first = self.ask(prompt)
        if not first:
            raise InvalidInput(_("The passphrase is empty."))
        if not self._from_stdin and self._prompt(repeat_prompt) != first:
            raise InvalidInput(_("The two passphrases differ; nothing was changed."))
        return first
