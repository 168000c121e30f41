"""``waystation --selftest``: start the app offscreen, create a throwaway vault, render every
screen, build a small packet and render its pages, then clean up and exit 0 (non-zero with one
line on stderr if anything fails). Used by the installer smoke test and to time start-up."""

from __future__ import annotations

import contextlib
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from waystation.ui.session import Session

SELFTEST_PASSPHRASE = "selftest only — not a real vault"


def run_selftest(*, guest: bool = False) -> int:
    """``guest``: inside a guest session (``waystation --guest --selftest``): the vault lives in
    memory, no temporary folder is made, and nothing is left under HOME, XDG_* or TMPDIR."""
    started = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    from waystation.app_settings import SettingsStore
    from waystation.ui.main_window import MainWindow
    from waystation.ui.session import Session
    from waystation.vault.models import Host, Person, Profile, Stay

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with _selftest_folder(guest) as folder:
        session = Session(store=SettingsStore(folder / "config" if folder is not None else None))
        window: MainWindow
        guest_window = None
        if folder is None:
            from waystation.ui.helpdesk.desk_window import DeskWindow

            window = guest_window = DeskWindow(session, guest_process=True)
            window.show()
            session.adopt(guest_window.keeper.create(SELFTEST_PASSPHRASE))
        else:
            window = MainWindow(session)
            window.show()
            session.create(folder / "selftest.vault", SELFTEST_PASSPHRASE)
        session.vault.profile.replace(
            Profile(
                person=Person(family_name="Тестова", given_names="Анна", citizenships=("RU",)),
                host=Host(country="KZ", arrival_date=date(2026, 1, 10)),
                stays=(Stay("KZ", date(2026, 1, 10)),),
            )
        )
        window.enter_workspace()
        rendered = 0
        for key in window.workspace.pages:
            window.workspace.show_page(key)
            app.processEvents()
            if window.grab().isNull():
                raise RuntimeError(f"screen {key} did not render")
            rendered += 1
        pages = _build_packet(session)
        session.lock()
        if guest_window is not None:
            guest_window.keeper.discard()  # the guest session ends: its memory is freed
        window.close()
    elapsed = time.perf_counter() - started
    where = " in a guest session" if guest else ""
    print(f"selftest ok{where}: {rendered} screens rendered, a {pages}-page packet built in {elapsed:.2f} s")
    print(_mode_line())
    return 0


@contextlib.contextmanager
def _selftest_folder(guest: bool) -> Iterator[Path | None]:
    """A throwaway folder for the vault and the settings, or none at all in a guest session."""
    if guest:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="waystation-selftest-") as tmp:
        yield Path(tmp)


def _mode_line() -> str:
    """Which mode this run was in, for the installer's smoke test (not translated: a log line)."""
    from waystation.portable import current

    places = current()
    if not places.portable:
        return "mode: installed"
    state = "read-only, settings not kept" if places.problem else "writable"
    return f"mode: portable, data in {places.data} ({state})"


def _build_packet(session: Session) -> int:
    """A text-only packet for the host country through the core API, as the Packets screen builds
    it (ReportLab, pypdf and the fonts), and its pages rendered in memory (PDFium)."""
    from waystation.packets.builder import build_packet
    from waystation.packets.from_vault import request_from_vault
    from waystation.ui.pages.packet_preview import render_pages

    pack = session.host_pack()
    if pack is None or not pack.packets:
        raise RuntimeError("the selftest's country guide has no packets")
    track = next(iter(pack.packets))
    request = request_from_vault(session.vault, pack, track, language="ru", made_on=session.today())
    result = build_packet(request)
    images = render_pages(result.pdf, None, 200)
    if result.pages < 1 or len(images) != result.pages or any(image.isNull() for image in images):
        raise RuntimeError("the packet's pages did not render")
    return result.pages
