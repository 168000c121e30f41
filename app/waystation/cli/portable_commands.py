"""``waystation --portable-setup DIR``: prepare a portable copy (see waystation.portable_setup)."""

from __future__ import annotations

import argparse
from pathlib import Path

from waystation.i18n import _
from waystation.portable_setup import prepare_stick


def portable_setup(args: argparse.Namespace) -> int:
    made = prepare_stick(Path(args.portable_setup))
    print(_("Portable copy ready: {path}").format(path=str(made)))
    print(_("Start it there; it keeps everything in {data}.").format(data=str(made / "data")))
    return 0
