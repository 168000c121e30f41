"""The official-form screen with a filled form, as docs/screenshots/<lang>/form-fill.png: in English
a German residence application filled for a person with umlauts in their name, in Russian a
Russian-language residence application filled in Cyrillic. Run by `make screenshots`.

The forms are the ones the tests build (tests/forms_support.py); the vault and the settings are
made in a temporary folder and removed afterwards.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
PASSPHRASE = "screenshots only — orchard lantern velvet"
TODAY = date(2026, 11, 2)
SIZE = (1280, 820)


def _spin(app: object, done: Callable[[], bool], seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the form screen did not finish in time")
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def shoot(language: str, form: bytes, profile: object, field: str, out: Path) -> None:
    from PySide6.QtWidgets import QApplication
    from tests.fakes import FakeClock, ScriptedDialogs

    from waystation.app_settings import SettingsStore
    from waystation.ui.language import switch_language
    from waystation.ui.pages.form_fill_dialog import FormFillDialog
    from waystation.ui.session import Session

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    switch_language(app, language)
    with tempfile.TemporaryDirectory(prefix="waystation-form-shots-") as folder:
        root = Path(folder)
        session = Session(clock=FakeClock(TODAY), store=SettingsStore(root / "config"))
        session.create(root / "screenshots.vault", PASSPHRASE)
        session.vault.profile.replace(profile)  # type: ignore[arg-type]
        (root / "form.pdf").write_bytes(form)
        dialogs = ScriptedDialogs()
        dialogs.answers.append(root / "form.pdf")
        dialog = FormFillDialog(session, dialogs)
        dialog.resize(*SIZE)
        dialog.show()
        try:
            dialog.open_form()
            _spin(app, lambda: dialog.loaded_form is not None)
            dialog.fill()
            _spin(app, lambda: dialog.filled_result is not None and not dialog.work.running)
            dialog.editor.select(field)
            _spin(app, lambda: dialog.pages.preview.current in dialog.pages.preview.images)
            app.processEvents()
            out.parent.mkdir(parents=True, exist_ok=True)
            if not dialog.grab().save(str(out)):
                raise OSError(f"could not write {out}")
        finally:
            dialog.wait()
            session.lock()
            dialog.deleteLater()
            app.processEvents()


def main() -> int:
    from PySide6.QtWidgets import QApplication
    from tests.forms_support import cyrillic_profile, german_form, russian_form, umlaut_profile

    from waystation.ui.style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    shots = (
        ("en", german_form(), umlaut_profile(), "Textfeld 4"),
        ("ru", russian_form(), cyrillic_profile(), "data_rozhdeniya"),
    )
    for language, form, profile, field in shots:
        out = REPO / "docs" / "screenshots" / language / "form-fill.png"
        shoot(language, form, profile, field, out)
        print(out.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
