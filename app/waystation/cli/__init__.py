"""The command line (PRODUCT.md, "The command line"): the same core as the desktop app.

Exit codes: 0 ok · 1 unexpected failure · 2 bad usage or invalid input · 3 wrong passphrase ·
4 not a vault or damaged · 5 vault in use by another process. Errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from waystation.errors import WaystationError
from waystation.i18n import _, language_from_environment, set_language

log = logging.getLogger("waystation")

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        hint = _("see --help")
        raise _UsageError(f"{self.prog}: {message} ({hint})")


class _UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    from waystation.cli import doc_commands, vault_commands

    common = _Parser(add_help=False)
    common.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help=_("read passphrases from standard input, one per line"),
    )
    parser = _Parser(
        prog="waystation", description=_("Waystation: your papers, deadlines and steps, encrypted.")
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help=_("show the version, build and places, and exit")
    )
    parser.add_argument(
        "--portable-setup",
        metavar="DIR",
        help=_("copy this app into DIR as a portable copy (e.g. onto a USB stick)"),
    )
    parser.add_argument(
        "--selftest",
        action="store_true",
        help=_("start the app offscreen, render every screen, exit"),
    )
    parser.add_argument(
        "--helpdesk",
        action="store_true",
        help=_("start the desktop app as a help desk: one client after another, End session clears all"),
    )
    parser.add_argument(
        "--guest",
        action="store_true",
        help=_("start the desktop app in a guest session: a vault in memory only, nothing left on disk"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in (vault_commands, doc_commands):
        module.register(commands, common)
    for extra in _extra_registrations():
        extra(commands, common)
    return parser


class _VersionAction(argparse.Action):
    """Like argparse's "version", with the build details computed only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        from waystation.version_text import version_text

        print(version_text())
        parser.exit()


def _extra_registrations() -> list[Callable[[argparse._SubParsersAction, argparse.ArgumentParser], None]]:  # type: ignore[type-arg]
    """Command groups that arrive with later capabilities (status, content, packet, calendar)."""
    found = []
    for name in (
        "progress_commands",
        "plan_commands",
        "content_commands",
        "packet_commands",
        "form_commands",
        "desk_commands",
    ):
        try:
            module = __import__(f"waystation.cli.{name}", fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != f"waystation.cli.{name}":
                raise
            continue
        found.append(module.register)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    set_language(language_from_environment())
    for stream in (sys.stdout, sys.stderr):
        # File names in a legacy encoding carry surrogates: print their original bytes, not a crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="surrogateescape")
    try:
        args = build_parser().parse_args(argv)
        func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
        if getattr(args, "portable_setup", None) and func is None:
            from waystation.cli.portable_commands import portable_setup

            return portable_setup(args)
        if func is None:
            build_parser().print_help()
            return EXIT_USAGE
        return func(args)
    except _UsageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    except WaystationError as exc:
        print(f"waystation: {exc.message}".replace("\n", " "), file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # the reader went away (e.g. `| head`): nothing more to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the final flush at exit does not fail again
        return EXIT_OK
    except KeyboardInterrupt:
        print("waystation: " + _("interrupted; nothing more was written."), file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # a bug: say so, without a traceback or any personal data
        if os.environ.get("WAYSTATION_DEBUG"):
            raise
        print(
            "waystation: "
            + _("unexpected error ({kind}); this is a bug in Waystation.").format(kind=type(exc).__name__),
            file=sys.stderr,
        )
        return EXIT_FAILURE
