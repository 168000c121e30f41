"""``waystation`` with no arguments starts the desktop app; with arguments, the command line."""

from __future__ import annotations

import os
import sys


def main() -> int:
    from waystation.hardening import disable_core_dumps, survive_file_size_limits

    disable_core_dumps()  # before any passphrase is read
    survive_file_size_limits()
    _configure_logging()
    from waystation.portable import activate

    activate()  # portable mode: before Qt or any library decides where to write
    argv = sys.argv[1:]
    probe = os.environ.get("WAYSTATION_STARTUP_PROBE")
    if probe and not argv:  # make bench: time to the first painted window (ui/startup_probe.py)
        from waystation.ui.startup_probe import run_probe

        return run_probe(probe)
    if not argv or argv == ["--selftest"]:
        from waystation.ui.launch import run_desktop

        return run_desktop(selftest=bool(argv))
    if set(argv) <= DESKTOP_FLAGS and len(set(argv)) == len(argv):  # --helpdesk, --guest
        return _run_desktop_mode(argv)
    from waystation.cli import main as cli_main

    return cli_main(argv)


DESKTOP_FLAGS = {"--selftest", "--helpdesk", "--guest"}


def _run_desktop_mode(argv: list[str]) -> int:
    """The desktop app as a help desk and/or in a guest session (docs/helpdesk.md). A guest
    process points the folders Qt and libraries write to at a private folder in memory first,
    before Qt is loaded, and removes it when the app closes."""
    guest = "--guest" in argv
    if guest:
        from waystation.helpdesk import guest_places

        guest_places.activate()
    try:
        from waystation.ui.launch import run_desktop

        return run_desktop(selftest="--selftest" in argv, helpdesk="--helpdesk" in argv, guest=guest)
    finally:
        if guest:
            guest_places.deactivate()


def _configure_logging() -> None:
    """WAYSTATION_LOG=debug|info|warning sends log records to standard error (nothing is ever
    logged to a file). Records never carry personal data: they name what failed, by type."""
    import logging
    import os

    level = os.environ.get("WAYSTATION_LOG", "").strip().upper()
    if level in ("DEBUG", "INFO", "WARNING", "ERROR"):
        logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


if __name__ == "__main__":
    sys.exit(main())
