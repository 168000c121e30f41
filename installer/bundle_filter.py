"""What the frozen bundle keeps of what PyInstaller's hooks collect, and what it drops.

PyInstaller's PySide6 hooks bring every plugin of each Qt module they see (VNC and framebuffer
platforms, TLS back-ends, SQL drivers, the QML debugger…) and every Qt catalog. Waystation draws
Qt Widgets on X11, Wayland or offscreen, reads scans as JPEG/PNG/TIFF/WebP, draws SVG icons,
prints through CUPS, takes input through the compose and IBus input methods, and never opens a
network connection: everything else goes. Babel's locale data is kept for the languages the app
speaks and writes packets in, and the `holidays` library's name catalogs for the guides' countries.

Each rule is a pure function of the destination path inside the bundle, so the spec stays short
and tests check the rules without a build.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable
from pathlib import Path

# Qt plugins kept, by folder; a folder not listed here is dropped whole.
QT_PLUGINS: dict[str, tuple[str, ...]] = {
    "platforms": (
        "libqxcb.so",
        "libqwayland*.so",
        "libqoffscreen.so",
        "qwindows.dll",
        "libqcocoa.dylib",
        "qoffscreen.dll",
        "libqoffscreen.dylib",
    ),
    # the GTK theme would drag in half of GTK (cairo, pango, atk) without GTK itself; the portal
    # theme tells Qt the desktop's colour scheme and needs only D-Bus
    "platformthemes": ("libqxdgdesktopportal.so",),
    "platforminputcontexts": ("*",),
    "imageformats": ("*qjpeg*", "*qsvg*", "*qtiff*", "*qwebp*"),
    "iconengines": ("*qsvgicon*",),
    "printsupport": ("*",),
    "xcbglintegrations": ("*",),
    "wayland-shell-integration": ("*xdg-shell*",),
    "wayland-decoration-client": ("*",),
    "styles": ("*",),  # macOS and Windows native styles
}

# Qt libraries no plugin we keep loads (PyInstaller collects some for the plugins we drop).
QT_LIBRARIES_DROPPED: tuple[str, ...] = (
    "*Qt6Qml*",
    "*Qt6Quick*",
    "*Qt6Pdf*",
    "*Qt6VirtualKeyboard*",
    "*Qt6EglFSDeviceIntegration*",
    "*Qt6EglFsKmsSupport*",
    "*Qt6EglFsKmsGbmSupport*",
    "*Qt6WaylandCompositor*",
    "*Qt6Multimedia*",
    "*Qt6WebEngine*",
    "*Qt63D*",
    "*Qt6Sql*",
    "*Qt6Test*",
    "*Qt6Designer*",
    "*Qt6Charts*",
    "*Qt6Graphs*",
    "*Qt6OpenGL*",  # only the Wayland EGL buffer integration needs it; widgets draw into shm
)

# The host's own graphics, font, D-Bus and printing stack: every Linux desktop has these, and they
# must match the host (a bundled libstdc++ older than the host's breaks its Mesa drivers, a
# bundled fontconfig misreads a newer fonts.conf). The .deb depends on them; a portable copy
# finds them on any desktop. (AppImage's excludelist makes the same choice.)
HOST_LIBRARIES: tuple[str, ...] = (
    "libstdc++.so.*",
    "libgcc_s.so.*",
    "libglib-2.0.so.*",
    "libgio-2.0.so.*",
    "libgobject-2.0.so.*",
    "libgmodule-2.0.so.*",
    "libgthread-2.0.so.*",
    "libfontconfig.so.*",
    "libfreetype.so.*",
    "libharfbuzz.so.*",
    "libexpat.so.*",
    "libpng16.so.*",
    "libX11.so.*",
    "libX11-xcb.so.*",
    "libxcb.so.*",
    "libXau.so.*",
    "libXdmcp.so.*",
    "libXext.so.*",
    "libXrender.so.*",
    "libbsd.so.*",
    "libmd.so.*",
    "libdbus-1.so.*",
    "libsystemd.so.*",
    "libcap.so.*",
    "liblz4.so.*",
    "libgcrypt.so.*",
    "libgpg-error.so.*",
    "libz.so.*",
    "libselinux.so.*",
    "libmount.so.*",
    "libblkid.so.*",
    "libpcre2-8.so.*",
    "libcups.so.*",
    "libavahi-common.so.*",
    "libavahi-client.so.*",
    "libgnutls.so.*",
    "libgssapi_krb5.so.*",
    "libkrb5.so.*",
    "libk5crypto.so.*",
    "libkrb5support.so.*",
    "libcom_err.so.*",
    "libkeyutils.so.*",
    "libp11-kit.so.*",
    "libidn2.so.*",
    "libunistring.so.*",
    "libtasn1.so.*",
    "libnettle.so.*",
    "libhogweed.so.*",
    "libgmp.so.*",
)

QT_CATALOG = "qtbase"
UI_LANGUAGES = ("ru", "uk")  # Qt has no Belarusian catalog; Belarusian falls back to Russian

_QT_ROOTS = ("PySide6/Qt/", "PySide6/")


def _qt_relative(dest: str) -> str | None:
    dest = dest.replace("\\", "/")
    for root in _QT_ROOTS:
        if dest.startswith(root):
            return dest[len(root) :]
    return None


def keep_qt_file(dest: str) -> bool:
    """False for a Qt plugin, library or catalog the app never loads."""
    inner = _qt_relative(dest)
    name = dest.replace("\\", "/").rsplit("/", 1)[-1]
    if inner is None:
        return not any(fnmatch.fnmatch(name, pattern) for pattern in QT_LIBRARIES_DROPPED)
    parts = inner.split("/")
    if parts[0] == "plugins" and len(parts) >= 3:
        patterns = QT_PLUGINS.get(parts[1])
        return patterns is not None and any(fnmatch.fnmatch(parts[-1], p) for p in patterns)
    if parts[0] == "translations":
        return parts[-1] in {f"{QT_CATALOG}_{language}.qm" for language in UI_LANGUAGES}
    if parts[0] in {"qml", "metatypes", "libexec", "resources", "typesystems", "include", "glue", "doc"}:
        return False
    return not any(fnmatch.fnmatch(name, pattern) for pattern in QT_LIBRARIES_DROPPED)


def keep_host_library(dest: str) -> bool:
    """False for a library of the host's own desktop stack (Linux; see HOST_LIBRARIES)."""
    name = dest.replace("\\", "/").rsplit("/", 1)[-1]
    return not any(fnmatch.fnmatch(name, pattern) for pattern in HOST_LIBRARIES)


def keep_babel_file(dest: str, languages: Iterable[str]) -> bool:
    """Babel's locale data only for ``languages`` (their regional variants too) and the root."""
    dest = dest.replace("\\", "/")
    if not dest.startswith("babel/locale-data/"):
        return True
    stem = Path(dest).stem
    if stem == "root":
        return True
    # Waystation asks Babel for plain languages ("sr", never "sr_RS"): their own file and their
    # script variants ("sr_Latn", "uz_Cyrl") are all it can load; the regional files are not.
    base, _sep, rest = stem.partition("_")
    is_script = len(rest) == 4 and rest.istitle()
    return base in set(languages) and (not rest or is_script)


# Pillow's AVIF codec (its library alone is ~5 MB): scans are JPEG, PNG, TIFF, WebP, HEIC or PDF.
UNUSED_EXTENSIONS: tuple[str, ...] = ("PIL/_avif.*", "pillow.libs/libavif*", "python3.11/lib-dynload/_ssl.*")


def keep_extension(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    return not any(fnmatch.fnmatch(dest, pattern) for pattern in UNUSED_EXTENSIONS)


def keep_holidays_file(dest: str, countries: Iterable[str]) -> bool:
    """The holiday-name catalogs only for the guides' countries (the library insists on finding
    the catalog of a country's own language; names of other countries' holidays are never used)."""
    dest = dest.replace("\\", "/")
    if not dest.startswith("holidays/locale/"):
        return True
    wanted = {c.upper() for c in countries}
    return Path(dest).stem.upper() in wanted


def keep(dest: str, languages: Iterable[str], countries: Iterable[str], *, linux: bool = True) -> bool:
    return (
        keep_qt_file(dest)
        and (keep_host_library(dest) or not linux)
        and keep_babel_file(dest, languages)
        and keep_holidays_file(dest, countries)
        and keep_extension(dest)
        and not dest.replace("\\", "/").endswith((".pyi", "/py.typed"))
    )


def app_languages(repo: Path) -> list[str]:
    """Every language the app shows or writes: its interface, and the packets' label files."""
    labels = sorted(p.stem for p in (repo / "resources" / "labels").glob("*.json"))
    return sorted({"en", "ru", "uk", "be", *labels})


def guide_countries(repo: Path) -> list[str]:
    return sorted(p.stem.upper() for p in (repo / "resources" / "content").glob("*.yaml"))


def prune_unreferenced(
    entries: list[tuple[str, str, str]], needed: Callable[[str], set[str]]
) -> list[tuple[str, str, str]]:
    """Drop the shared libraries at the top of the bundle that nothing kept links to any more
    (PyInstaller collected them for a plugin this filter dropped). Python extensions, Qt's own
    files and anything inside a package folder stay; ``needed(src)`` names what a binary links."""

    def is_candidate(dest: str) -> bool:
        name = dest.replace("\\", "/")
        return "/" not in name and name.startswith("lib") and not name.startswith("libpython")

    kept = [e for e in entries if not is_candidate(e[0])]
    waiting = {e[0]: e for e in entries if is_candidate(e[0])}
    queue = list(kept)
    while queue:
        _dest, src, _kind = queue.pop()
        for name in needed(src):
            found = waiting.pop(name, None)
            if found is not None:
                kept.append(found)
                queue.append(found)
    return [e for e in entries if e in kept]
