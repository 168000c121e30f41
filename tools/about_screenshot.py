"""The About box (build details included) as docs/screenshots/<lang>/about.png, English and
Russian; run by `make screenshots` after tools.screenshots."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from waystation.ui.help_dialogs import AboutDialog
    from waystation.ui.language import switch_language
    from waystation.ui.style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    for language in ("en", "ru"):
        switch_language(app, language)
        dialog = AboutDialog()
        dialog.show()
        dialog.resize(
            dialog.width(),
            dialog.heightForWidth(dialog.width())
            if dialog.hasHeightForWidth()
            else dialog.sizeHint().height(),
        )
        app.processEvents()
        out = REPO / "docs" / "screenshots" / language / "about.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not dialog.grab().save(str(out)):
            print(f"could not write {out}", file=sys.stderr)
            return 1
        print(out.relative_to(REPO))
        dialog.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
