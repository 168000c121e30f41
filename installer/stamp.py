"""The build stamp a frozen bundle carries (``waystation/build-info.json``): version, commit and
build date, read by ``waystation.build_info``.

The commit is read from the checkout's ``.git`` files directly (no git program is needed on the
build machine), or taken from ``WAYSTATION_BUILD_COMMIT`` where a release script knows it better.
The date honours ``SOURCE_DATE_EPOCH`` so that two builds of one commit can be made identical.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_HEX = re.compile(r"^[0-9a-f]{40}$")


def project_version(repo: Path = REPO) -> str:
    """The version in pyproject.toml (the one place it is written)."""
    import tomllib

    with (repo / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def commit_of(repo: Path = REPO) -> str:
    """The full hash of the checked-out commit, or "" when it cannot be told."""
    given = os.environ.get("WAYSTATION_BUILD_COMMIT", "").strip().lower()
    if _HEX.match(given):
        return given
    git = repo / ".git"
    if git.is_file():  # a worktree: "gitdir: PATH"
        text = git.read_text("utf-8", errors="replace").strip()
        if text.startswith("gitdir:"):
            git = (repo / text.split(":", 1)[1].strip()).resolve()
    try:
        head = (git / "HEAD").read_text("utf-8").strip()
    except OSError:
        return ""
    if _HEX.match(head):
        return head
    if not head.startswith("ref:"):
        return ""
    ref = head.split(":", 1)[1].strip()
    common = git
    if (git / "commondir").is_file():
        common = (git / (git / "commondir").read_text("utf-8").strip()).resolve()
    for folder in (git, common):
        loose = folder / ref
        if loose.is_file():
            value = loose.read_text("utf-8").strip()
            return value if _HEX.match(value) else ""
    packed = common / "packed-refs"
    if packed.is_file():
        for line in packed.read_text("utf-8", errors="replace").splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[1] == ref and _HEX.match(parts[0]):
                return parts[0]
    return ""


def build_date() -> str:
    """UTC, ISO 8601 to the minute; SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(epoch) if epoch.isdigit() else int(time.time())
    return time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime(seconds))


def stamp(repo: Path = REPO) -> dict[str, str]:
    return {
        "version": project_version(repo),
        "commit": commit_of(repo),
        "build_date": build_date(),
        "platform": sys.platform,
    }


def write_stamp(target: Path, repo: Path = REPO) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".new")
    temporary.write_text(json.dumps(stamp(repo), indent=2) + "\n", encoding="utf-8")
    temporary.replace(target)
    return target


if __name__ == "__main__":
    print(json.dumps(stamp(), indent=2))
