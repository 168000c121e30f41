"""Security promise 8: locking clears every widget. A canary name is imported into every part of
the profile and into a document, every screen is shown (and the document previewed), the vault is
locked, and then no widget of any window shows the canary anywhere a person or a screen reader
could find it: texts, titles, tooltips, accessible names, item views' data, combo boxes, and the
undo history of line edits."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.conftest import SAMPLE_PROFILE
from tests.gui.profiles import open_vault
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.documents import DocumentsPage
from waystation.ui.session import Session
from waystation.vault import profile_json

CANARY = "Zhavoronkova"


def canary_profile() -> dict[str, object]:
    document = dict(SAMPLE_PROFILE)
    document["person"] = {**SAMPLE_PROFILE["person"], "family_name": CANARY}  # type: ignore[dict-item]
    document["passports"] = [{**SAMPLE_PROFILE["passports"][0], "authority": CANARY}]  # type: ignore[index]
    document["host"] = {  # type: ignore[dict-item]
        **SAMPLE_PROFILE["host"],  # type: ignore[dict-item]
        "country": "KZ",
        "address": CANARY,
        "arrival_date": "2026-03-01",  # the arrival is the first day of the stay the entries show
    }
    document["stays"] = [{"country": "KZ", "entered": "2026-03-01", "left": None}]
    document["family"] = [
        {"relation": "child", "family_name": CANARY, "given_names": "P", "date_of_birth": None}
    ]
    document["notes"] = f"notes about {CANARY}"
    return document


def columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    """List models keep columnCount private in PySide6: they have one column."""
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def model_texts(model: QAbstractItemModel | None) -> Iterator[str]:
    """Every value of every role of every item. ``itemData`` returns only the roles that are set:
    PySide6 6.12.0 loses a reference to None each time Python reads an unset role, which soon
    crashes the interpreter."""
    if model is None:
        return
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            for column in range(columns(model, parent)):
                yield from (str(value) for value in model.itemData(model.index(row, column, parent)).values())
            if not isinstance(model, QAbstractListModel) and model.rowCount(model.index(row, 0, parent)):
                pending.append(model.index(row, 0, parent))


def texts_of(widget: QWidget) -> Iterator[str]:
    yield from (widget.windowTitle(), widget.toolTip(), widget.statusTip(), widget.whatsThis())
    yield from (widget.accessibleName(), widget.accessibleDescription())
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QLineEdit):
        yield widget.text()
        yield widget.placeholderText()
        while widget.isUndoAvailable():  # what Ctrl+Z would bring back
            widget.undo()
            yield widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        yield widget.toPlainText()
    if isinstance(widget, QComboBox):
        yield widget.currentText()
        yield from (widget.itemText(i) for i in range(widget.count()))
        yield from model_texts(widget.model())
    if isinstance(widget, QAbstractItemView):
        yield from model_texts(widget.model())


def every_text(roots: list[QWidget]) -> Iterator[tuple[str, str]]:
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            for text in texts_of(widget):
                if text:
                    yield type(widget).__name__ + " " + widget.objectName(), text


def scan_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), "#336699").save(buffer, format="PNG")
    return buffer.getvalue()


def test_no_widget_keeps_the_canary_after_lock(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    open_vault(session, tmp_path, profile_json.from_document(canary_profile()))
    session.vault.documents.add(
        scan_png(), kind="passport", title=f"{CANARY} passport", original_name=f"{CANARY}.png"
    )
    window.enter_workspace()
    for key in window.workspace.pages:
        window.workspace.show_page(key)
    documents = window.workspace.pages.get("documents")
    if isinstance(documents, DocumentsPage):
        documents.preview()
    roots = [window, *QApplication.topLevelWidgets()]
    before = [where for where, text in every_text(roots) if CANARY in text]
    assert before, "the canary should be on screen before locking"
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    left = [(where, text) for where, text in every_text(roots) if CANARY in text]
    assert left == []
