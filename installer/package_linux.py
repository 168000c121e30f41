"""Linux packages from the one-folder bundle in dist/waystation/ (built by the spec):

    python -m installer.package_linux [tarball] [deb] [appimage]

- ``dist/waystation-VERSION-linux-x86_64.tar.gz``: the bundle as it is (unpack, run ``waystation``;
  add a ``.portable`` file beside it for portable mode);
- ``dist/waystation_VERSION_amd64.deb`` (dpkg-deb): the bundle in /usr/lib/waystation, a
  ``waystation`` command, the .desktop entry, icons in the hicolor theme and an AppStream
  metainfo file, checked with ``appstreamcli validate`` before it is packed;
- an AppImage when ``appimagetool`` is on PATH. No package registry this project reaches (PyPI,
  Debian, npm) carries appimagetool or the AppImage runtime, so here the AppDir is prepared in
  build/AppDir and the step says so; a maintainer with appimagetool finishes it in one command.

File dates come from SOURCE_DATE_EPOCH when it is set, so the archives of one commit match.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from installer.icons import HICOLOR_SIZES, SVG, render_pngs
from installer.stamp import REPO, project_version

APP_ID = "org.waystation.Waystation"
DIST = REPO / "dist"
BUNDLE = DIST / "waystation"
STAGE = REPO / "build" / "installer-stage"
LINUX = Path(__file__).resolve().parent / "linux"

# What the bundle takes from the host (installer/bundle_filter.py, HOST_LIBRARIES), as Debian
# packages; plus the GL/EGL loaders Qt's xcb platform links to.
DEB_DEPENDS = (
    "libc6 (>= 2.34)",
    "libstdc++6",
    "libglib2.0-0",
    "libfontconfig1",
    "libfreetype6",
    "libharfbuzz0b",
    "libpng16-16",
    "libexpat1",
    "zlib1g",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxext6",
    "libxrender1",
    "libdbus-1-3",
    "libegl1",
    "libgl1",
    "libcups2",
)


def epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else int(time.time())


def _require_bundle() -> None:
    if not (BUNDLE / "waystation").is_file():
        sys.exit("dist/waystation/waystation is missing: build the bundle first (make installer)")


def _tar_filter(mtime: int):  # type: ignore[no-untyped-def]
    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mtime = mtime
        info.mode = 0o755 if info.isdir() or info.mode & 0o111 else 0o644
        return info

    return normalise


def tarball() -> Path:
    _require_bundle()
    out = DIST / f"waystation-{project_version()}-linux-x86_64.tar.gz"
    mtime = epoch()
    partial = out.with_name(out.name + ".partial")
    with (
        partial.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=mtime, compresslevel=6) as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.GNU_FORMAT) as archive,
    ):
        for path in [BUNDLE, *sorted(BUNDLE.rglob("*"))]:
            archive.add(path, arcname=str(path.relative_to(DIST)), recursive=False, filter=_tar_filter(mtime))
    partial.replace(out)
    return out


def metainfo(target: Path) -> Path:
    day = time.strftime("%Y-%m-%d", time.gmtime(epoch()))
    text = (LINUX / f"{APP_ID}.metainfo.xml.in").read_text("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.replace("@VERSION@", project_version()).replace("@DATE@", day), encoding="utf-8")
    return target


def validate_metainfo(path: Path) -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        sys.exit("appstreamcli is missing (Debian: apt-get install appstream); the metainfo must be checked")
    done = subprocess.run([tool, "validate", "--no-net", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"appstreamcli validate refused {path.name}:\n{done.stdout}{done.stderr}")


def _share_tree(root: Path) -> None:
    """.desktop, icons and metainfo under ``root``/usr/share."""
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    shutil.copy2(LINUX / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    pngs = render_pngs(STAGE / "icons")
    for size in HICOLOR_SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(pngs[size], folder / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(SVG, scalable / f"{APP_ID}.svg")
    validate_metainfo(metainfo(share / "metainfo" / f"{APP_ID}.metainfo.xml"))


def _installed_kib(root: Path) -> int:
    return sum(-(-p.lstat().st_size // 1024) for p in root.rglob("*") if not p.is_dir())


def deb() -> Path:
    _require_bundle()
    root = STAGE / "deb"
    if root.exists():
        shutil.rmtree(root)
    lib = root / "usr" / "lib" / "waystation"
    shutil.copytree(BUNDLE, lib, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "waystation").symlink_to("../lib/waystation/waystation")
    _share_tree(root)
    doc = root / "usr" / "share" / "doc" / "waystation"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: Waystation\n\n"
        "Files: *\nCopyright: The Waystation developers\nLicense: GPL-3.0-or-later\n\n"
        "Files: usr/lib/waystation/_internal/waystation/resources/fonts/*\n"
        "Copyright: The Noto Project Authors\nLicense: OFL-1.1\n\n"
        "Files: usr/lib/waystation/_internal/PySide6/*\n"
        "Copyright: The Qt Company Ltd. and other contributors\nLicense: LGPL-3.0-only\n",
        encoding="utf-8",
    )
    control = root / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        "\n".join(
            [
                "Package: waystation",
                f"Version: {project_version()}",
                "Architecture: amd64",
                "Maintainer: The Waystation developers <maintainers@waystation.invalid>",
                f"Installed-Size: {_installed_kib(root)}",
                "Depends: " + ", ".join(DEB_DEPENDS),
                "Section: utils",
                "Priority: optional",
                "Description: your papers, deadlines and steps in a new country, encrypted",
                " An offline toolkit for people who have just arrived in a new country after",
                " leaving Russia or Belarus: an encrypted vault per person, country guides,",
                " the legal-stay count and deadlines, and document packets as PDF.",
                " It never uses the network.",
                "",
            ]
        ),
        encoding="utf-8",
    )
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        os.utime(path, (epoch(), epoch()))
        if path.is_dir():
            path.chmod(0o755)
    out = DIST / f"waystation_{project_version()}_amd64.deb"
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch())}
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(out)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return out


APPRUN = """#!/bin/sh
# AppImage entry point: run the bundle (a .portable file beside the AppImage makes it portable).
HERE="$(dirname "$(readlink -f "$0")")"
exec "$HERE/usr/lib/waystation/waystation" "$@"
"""


def appimage() -> Path | None:
    """The AppImage, or None (with the reason printed) when appimagetool is not installed."""
    _require_bundle()
    appdir = REPO / "build" / "AppDir"
    if appdir.exists():
        shutil.rmtree(appdir)
    shutil.copytree(BUNDLE, appdir / "usr" / "lib" / "waystation", symlinks=True)
    _share_tree(appdir)
    shutil.copy2(LINUX / f"{APP_ID}.desktop", appdir / f"{APP_ID}.desktop")
    shutil.copy2(STAGE / "icons" / "waystation-256.png", appdir / f"{APP_ID}.png")
    (appdir / "AppRun").write_text(APPRUN, encoding="utf-8")
    (appdir / "AppRun").chmod(0o755)
    tool = shutil.which("appimagetool")
    if tool is None:
        print(
            "AppImage: not built. appimagetool (and the AppImage runtime it embeds) is in none of "
            f"the package registries this machine reaches. The AppDir is ready in {appdir}; "
            "run `appimagetool build/AppDir` where it is installed."
        )
        return None
    out = DIST / f"Waystation-{project_version()}-x86_64.AppImage"
    env = {**os.environ, "ARCH": "x86_64"}
    subprocess.run([tool, "--no-appstream", str(appdir), str(out)], check=True, env=env)
    return out


def main(steps: list[str]) -> int:
    for step in steps or ["tarball", "deb", "appimage"]:
        made = {"tarball": tarball, "deb": deb, "appimage": appimage}[step]()
        if made is not None:
            print(f"{made.relative_to(REPO)}: {made.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
