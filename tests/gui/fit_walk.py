"""Walk every screen and the main dialogs of the real app and report every text that does not fit
its rectangle (issue 11, item 6).

Run in a subprocess by tests/gui/test_text_fits.py, so a scale factor (QT_SCALE_FACTOR=1.5) and
the app's style stay in their own process:

    python -m tests.gui.fit_walk --languages ru,pseudo --sizes 1024x768,800x600

It prints one JSON object: {"problems": [...], "sizes": {...}}. A problem names the language,
the window size, where (screen or dialog), the widget's class and its text.

What counts as "does not fit", per kind of widget:
- a label without word wrap: the widest line is wider than its contents rectangle, or the lines
  are taller than it;
- a label with word wrap: its longest word is wider than it, or it is shorter than the height it
  needs for its width;
- push buttons, check boxes, radio buttons, tool buttons with text: narrower than their size hint
  (which is the text, the icon and the style's margins);
- tab bars: a tab narrower than its size hint (Qt then elides the text), or past the bar's edge
  where the bar has no scroll buttons;
- combo boxes: the current text is wider than the edit field;
- the column headers of lists and tables: a title wider than its column;
- the navigation, when it shows names: a name wider than its row;
- a scrolled form (a resizable scroll area) that needs a horizontal scroll bar: it does not reflow;
- the window itself: it cannot be as small as asked (its minimum is larger).
Not checked: what a field holds or hints (a line edit scrolls its text, Qt elides a hint with
"…" and the field's accessible name holds it whole) and the cells of lists (they wrap or elide
by design, with the whole text in a tooltip)."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QToolButton,
    QWidget,
    QWizard,
)

TOLERANCE = 1  # px: rounding in font metrics at fractional scales


def _where(widget: QWidget) -> str:
    names = []
    step: QWidget | None = widget
    while step is not None and len(names) < 4:
        names.append(step.objectName() or type(step).__name__)
        step = step.parentWidget()
    return "/".join(reversed(names))


def _visible_text(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.textFormat() == Qt.TextFormat.RichText or not label.pixmap().isNull():
        return None
    if label.buddy() is not None:
        text = _visible_text(text)  # the & marks the mnemonic: drawn as an underline
    rect = label.contentsRect().adjusted(label.margin(), label.margin(), -label.margin(), -label.margin())
    metrics = label.fontMetrics()
    lines = text.split("\n")
    if not label.wordWrap():
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        if widest > rect.width() + TOLERANCE:
            return f"needs {widest} px, has {rect.width()}"
        if metrics.height() * len(lines) > rect.height() + TOLERANCE + metrics.leading() * len(lines):
            return f"needs {metrics.height() * len(lines)} px high, has {rect.height()}"
        return None
    longest = max(
        (metrics.horizontalAdvance(word) for word in re.split(r"[\s\u200b]+", text) if word), default=0
    )
    if longest > rect.width() + TOLERANCE:
        return f"a word needs {longest} px, has {rect.width()}"
    needed = label.heightForWidth(label.width())
    if needed > label.height() + TOLERANCE:
        return f"needs {needed} px high, has {label.height()}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    if not _visible_text(button.text()).strip():
        return None
    if isinstance(button, QToolButton) and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
        return None
    hint = button.sizeHint()
    if button.width() + TOLERANCE < hint.width():
        return f"needs {hint.width()} px, has {button.width()}"
    if button.height() + TOLERANCE < min(hint.height(), button.fontMetrics().height()):
        return f"needs {hint.height()} px high, has {button.height()}"
    return None


def _tab_problems(tabs: QTabBar) -> Iterator[tuple[str, str]]:
    for index in range(tabs.count()):
        if not tabs.isTabVisible(index):
            continue
        rect = tabs.tabRect(index)
        have, need = rect.width(), tabs.tabSizeHint(index).width()
        if have + TOLERANCE < need:
            yield tabs.tabText(index), f"tab needs {need} px, has {have}"
        elif not tabs.usesScrollButtons() and rect.right() > tabs.rect().right() + TOLERANCE:
            # (with scroll buttons a tab beyond the edge keeps its size and scrolls into view)
            yield tabs.tabText(index), f"tab runs past the bar ({rect.right()} > {tabs.rect().right()})"


def _header_problems(header: QHeaderView) -> Iterator[tuple[str, str]]:
    model = header.model()
    if model is None:
        return
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    metrics = header.fontMetrics()
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
            continue
        text = str(model.headerData(section, header.orientation()) or "")
        if not text:
            continue
        need = metrics.horizontalAdvance(text) + 2 * margin
        have = header.sectionSize(section)
        if header.orientation() == Qt.Orientation.Horizontal and need > have + TOLERANCE:
            yield text, f"column needs {need} px, has {have}"


def _combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    icon = combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() else 0
    need = combo.fontMetrics().horizontalAdvance(text) + icon
    if need > field.width() + TOLERANCE:
        return f"needs {need} px, has {field.width()}"
    return None


def _navigation_problems(nav: QWidget) -> Iterator[tuple[str, str]]:
    from waystation.ui.navigation import Navigation

    if not isinstance(nav, Navigation) or nav.collapsed:
        return
    metrics = nav.fontMetrics()
    for row in range(nav.count()):
        item = nav.item(row)
        rect = nav.visualItemRect(item)
        need = metrics.horizontalAdvance(item.text()) + nav.iconSize().width() + 8 + 2 * 16
        if need > rect.width() + TOLERANCE:
            yield item.text(), f"needs {need} px, has {rect.width()}"


def text_problems(root: QWidget) -> list[tuple[str, str, str, str]]:
    """(where, widget class, text, what is wrong) for every visible text in ``root`` that does
    not fit."""
    found: list[tuple[str, str, str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
            continue
        kind = type(widget).__name__
        problem: str | None = None
        text = ""
        if isinstance(widget, QLabel):
            problem, text = _label_problem(widget), widget.text()
        elif isinstance(widget, QPushButton | QCheckBox | QRadioButton | QToolButton):
            problem, text = _button_problem(widget), widget.text()
        elif isinstance(widget, QComboBox):
            problem, text = _combo_problem(widget), widget.currentText()
        elif isinstance(widget, QTabBar):
            for tab_text, tab_problem in _tab_problems(widget):
                found.append((_where(widget), kind, tab_text, tab_problem))
        elif isinstance(widget, QHeaderView):
            for header_text, header_problem in _header_problems(widget):
                found.append((_where(widget), kind, header_text, header_problem))
        elif isinstance(widget, QScrollArea) and widget.widgetResizable():
            bar = widget.horizontalScrollBar()
            if bar.isVisible() and bar.maximum() > 0:
                problem, text = f"scrolls sideways by {bar.maximum()} px", ""
        if widget.objectName() == "navigation":
            for item_text, item_problem in _navigation_problems(widget):
                found.append((_where(widget), kind, item_text, item_problem))
        if problem:
            found.append((_where(widget), kind, text[:80], problem))
    return found


# -- the walk -----------------------------------------------------------------------------------


def settle(app: QApplication) -> None:
    for _round in range(4):
        QCoreApplication.sendPostedEvents()
        app.processEvents()


def walk(languages: list[str], sizes: list[QSize]) -> dict[str, object]:
    from tools.screenshots import PASSPHRASE, TODAY, answer_blanks, fill_vault, use_language

    from tests.fakes import FakeClock
    from waystation.app_settings import SettingsStore
    from waystation.ui.help_dialogs import AboutDialog, HelpDialog
    from waystation.ui.main_window import MainWindow
    from waystation.ui.pages.settings_dialogs import ChangePassphraseDialog
    from waystation.ui.session import Session
    from waystation.ui.style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    problems: list[dict[str, str]] = []
    reached: dict[str, list[int]] = {}

    def check(root: QWidget, language: str, size: str, where: str) -> None:
        settle(app)
        for place, kind, text, problem in text_problems(root):
            problems.append(
                {"language": language, "size": size, "where": f"{where}: {place}", "kind": kind,
                 "text": text, "problem": problem}
            )  # fmt: skip

    def dialog(make: Callable[[], QDialog], language: str, size: str, where: str) -> None:
        shown = make()
        shown.show()
        settle(app)
        check(shown, language, size, where)
        if isinstance(shown, QWizard):
            while True:
                before = shown.currentId()
                answer_blanks(shown.currentPage())
                shown.next()
                settle(app)
                if shown.currentId() in (before, -1):
                    break
                check(shown, language, size, f"{where} page {shown.currentId()}")
        if hasattr(shown, "ask_closing"):
            shown.ask_closing = lambda: "discard"  # the first-run wizard asks before dropping answers
        shown.reject()
        shown.deleteLater()

    with tempfile.TemporaryDirectory(prefix="waystation-fit-") as tmp:
        folder = Path(tmp)
        session = Session(clock=FakeClock(TODAY), store=SettingsStore(folder / "config"))
        window = MainWindow(session)
        window.show()
        for number, language in enumerate(languages):
            use_language(app, language)
            for size in sizes:
                label = f"{size.width()}x{size.height()}"
                window.resize(size)
                settle(app)
                check(window, language, label, "start (open)")
                tabs = window.start.findChild(QTabBar)
                if tabs is not None and tabs.count() > 1:
                    tabs.setCurrentIndex(1)
                    check(window, language, label, "start (create)")
                    tabs.setCurrentIndex(0)
            session.create(folder / f"fit-{number}.vault", PASSPHRASE)
            window.after_create()
            settle(app)
            wizard = window.first_run
            if wizard is not None:
                dialog(lambda wizard=wizard: wizard, language, "wizard", "first-run wizard")
            fill_vault(session)
            window.enter_workspace()
            for size in sizes:
                label = f"{size.width()}x{size.height()}"
                window.resize(size)
                settle(app)
                reached[f"{language} {label}"] = [window.width(), window.height()]
                for key in window.workspace.pages:
                    window.workspace.show_page(key)
                    check(window, language, label, key)
            titles = window.screen_titles()
            dialog(lambda titles=titles: HelpDialog(titles, window), language, "dialog", "help")
            dialog(lambda: AboutDialog(window), language, "dialog", "about")
            dialog(lambda: ChangePassphraseDialog(window), language, "dialog", "change passphrase")
            dashboard = window.workspace.show_page("dashboard")
            trip_button = getattr(getattr(dashboard, "stay_card", None), "trip_button", None)
            if isinstance(trip_button, QPushButton):
                trip_button.click()
                settle(app)
                trip = next(
                    (w for w in app.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()), None
                )
                if trip is not None:
                    check(trip, language, "dialog", "trip planner")
                    trip.reject()
            session.lock()
        window.close()
    return {"problems": problems, "sizes": reached}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--languages", default="ru,pseudo")
    parser.add_argument("--sizes", default="1024x768,800x600")
    args = parser.parse_args()
    sizes = [QSize(*(int(n) for n in size.split("x"))) for size in args.sizes.split(",")]
    result = walk([code for code in args.languages.split(",") if code], sizes)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
