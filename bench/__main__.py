"""``make bench``: run every benchmark and print its table."""

from __future__ import annotations

import importlib
import sys

SUITES = (
    "bench.vault_bench",
    "bench.packet_bench",
    "bench.ui_bench",
    "bench.startup_bench",
    "bench.helpdesk_bench",
)


def main(names: list[str]) -> int:
    for name in names or SUITES:
        importlib.import_module(name if name.startswith("bench.") else f"bench.{name}").run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
