"""``python -m waystation.content [PATH...]``: validate packs (the CLI's ``content validate``)."""

from __future__ import annotations

import sys
from pathlib import Path

from waystation.content.loader import check_pack_file, default_content_dir, pack_files


def main(argv: list[str]) -> int:
    targets = [Path(a) for a in argv] or [default_content_dir()]
    files: list[Path] = []
    for target in targets:
        files += pack_files(target) if target.is_dir() else [target]
    bad = 0
    for path in files:
        _, problems = check_pack_file(path)
        for problem in problems:
            print(problem)
        bad += bool(problems)
    print(f"{len(files)} pack(s) checked, {bad} with problems", file=sys.stderr)
    return 2 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
