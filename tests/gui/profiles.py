"""Helpers for the dashboard, checklists, calendar and wizard tests: a vault opened with a given
stay history, and every text a widget tree shows (to prove that locking leaves none behind)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tests.fakes import FakeClock
from waystation.app_settings import AppSettings, SettingsStore
from waystation.content.loader import PackLibrary, load_library
from waystation.ui.session import Session
from waystation.vault.models import Host, Person, Profile, Stay

CANARY = "Canarykova"

STRONG = "orchard lantern velvet quarry 42"


@cache
def library() -> PackLibrary:
    """Loaded once for all these tests: the packs are read-only."""
    return load_library()


def delete_closed_widgets() -> None:
    """pytest-qt closes a test's widgets with deleteLater, which only an event loop carries out;
    without this, every test's window stays alive and each new test gets slower."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def new_session(tmp_path: Path, clock: FakeClock, *, first_start: bool = False) -> Session:
    """A session whose app settings live in the test's folder. Unless ``first_start``, the app
    has been started there before (a settings file exists), so the start screen opens on
    "Open a vault" as it does for a returning person."""
    store = SettingsStore(tmp_path / "config")
    if not first_start and not store.path.exists():
        store.save(AppSettings())
    return Session(clock=clock, library=library(), store=store)


def profile_in(
    country: str | None,
    stays: Sequence[tuple[str, date, date | None]] = (),
    *,
    citizenships: tuple[str, ...] = ("RU",),
) -> Profile:
    arrival = stays[-1][1] if stays else None
    return Profile(
        person=Person(family_name=CANARY, given_names="Maria", citizenships=citizenships),
        host=Host(country=country, arrival_date=arrival),
        stays=tuple(Stay(c, entered, left) for c, entered, left in stays),
    )


def open_vault(session: Session, tmp_path: Path, profile: Profile | None = None) -> None:
    session.create(tmp_path / "test.vault", STRONG)
    if profile is not None:
        session.vault.profile.replace(profile)


def _view_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                yield str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")
                yield str(model.data(index, Qt.ItemDataRole.ToolTipRole) or "")
            pending.append(model.index(row, 0, parent))


def widget_texts(root: QWidget) -> list[str]:
    """Every text shown by ``root`` and its children, visible or not, and the undo history of
    line edits (this undoes them: call it last)."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            while widget.isUndoAvailable():  # what Ctrl+Z would bring back
                widget.undo()
                texts.append(widget.text())
        if isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView):
            texts += list(_view_texts(widget))
    return [text for text in texts if text]


def shows(root: QWidget, needle: str) -> bool:
    return any(needle in text for text in widget_texts(root))
