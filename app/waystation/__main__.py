"""``waystation`` with no arguments starts the desktop app; with arguments, the command line."""

from __future__ import annotations

import sys


def main() -> int:
    from waystation.hardening import disable_core_dumps, survive_file_size_limits

    disable_core_dumps()  # before any passphrase is read
    survive_file_size_limits()
    argv = sys.argv[1:]
    if not argv or argv == ["--selftest"]:
        from waystation.ui.launch import run_desktop

        return run_desktop(selftest=bool(argv))
    from waystation.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
