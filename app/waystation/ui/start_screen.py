"""The first screen: choose the interface language, then open (unlock) a vault or create one.

The language can be chosen before any vault exists (it starts as the system's, see
``i18n.language_from_environment``), is kept in the app settings (nothing personal), and the whole
screen — the lock screen too, which is this screen again — rewords itself at once when the language
changes, here or in Settings.

Opening and creating run on a worker thread (``vault_task``): the window keeps responding and says
what it is doing. The passphrase fields are wiped after every attempt, successful or not."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from waystation.i18n import UI_LANGUAGES, _, current_language
from waystation.ui.dialogs import FileDialogs
from waystation.ui.icons import icon
from waystation.ui.language import language_name, switch_language
from waystation.ui.pages.base import plain_label
from waystation.ui.session import Session
from waystation.ui.start_create import MIN_CREATE_SCORE, CreatePanel
from waystation.ui.start_open import OpenPanel
from waystation.ui.start_parts import PathPicker
from waystation.ui.vault_task import VaultOpener

__all__ = ["MIN_CREATE_SCORE", "CreatePanel", "OpenPanel", "PathPicker", "StartScreen"]


class LanguageChooser(QWidget):
    """The interface languages, each in its own name (so anyone finds theirs whatever is shown)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.globe = QLabel(self)
        self.globe.setPixmap(icon("language").pixmap(QSize(20, 20)))
        self.label = plain_label("", self)
        self.combo = QComboBox(self)
        for code in UI_LANGUAGES:
            self.combo.addItem(language_name(code), code)
        self.label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.globe)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        self.show_current()
        self.combo.activated.connect(lambda _index: self.chosen.emit(self.code()))

    def code(self) -> str:
        return str(self.combo.currentData())

    def show_current(self) -> None:
        index = self.combo.findData(current_language())
        if index >= 0 and index != self.combo.currentIndex():
            self.combo.setCurrentIndex(index)

    def retranslate(self) -> None:
        self.label.setText(_("Language"))
        self.combo.setAccessibleName(_("Interface language"))
        self.show_current()


class StartScreen(QWidget):
    """Unlock or create; emits ``opened`` or ``created`` once a vault is open in the session."""

    opened = Signal()
    created = Signal()

    def __init__(self, session: Session, dialogs: FileDialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.heading = plain_label("", self)
        self.heading.setObjectName("heading")
        self.language = LanguageChooser(self)
        self.intro = plain_label("", self, wrap=True)
        self.tabs = QTabWidget(self)
        self._pages = self.tabs.findChild(QStackedWidget, "qt_tabwidget_stackedwidget") or self.tabs
        self.open_panel = OpenPanel(session, dialogs, self.tab_pages())
        self.create_panel = CreatePanel(session, dialogs, self.tab_pages())
        self.tabs.addTab(self.open_panel, "")
        self.tabs.addTab(self.create_panel, "")
        # The first start here (no app settings yet): there is most likely nothing to open.
        self.first_start = not session.store.path.exists()
        for signal in (self.opened, self.created):
            signal.connect(self._not_first_any_more)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.open_panel.unlocked.connect(self.opened)
        self.create_panel.created.connect(self.created)
        for panel in (self.open_panel, self.create_panel):
            panel.busy_changed.connect(self._busy)
        self.language.chosen.connect(self.choose_language)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.language, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._abandon)
        self.retranslate()

    def tab_pages(self) -> QWidget:
        """The parent for a tab's page: the tab widget's own stack of pages, so that adding the
        tab does not move the page's whole tree to a new parent (re-styled under the app's
        style sheet, ~1–2 ms a page)."""
        return self._pages

    def use_opener(self, opener: VaultOpener) -> None:
        """How vaults are opened and created (tests slow the key derivation down here)."""
        self.open_panel.opener = opener
        self.create_panel.opener = opener

    def reset(self) -> None:
        self.create_panel.wipe()
        self.open_panel.reset()
        self.tabs.setCurrentWidget(self.create_panel if self.first_start else self.open_panel)
        if self.first_start:
            self.create_panel.present()  # the focus goes there, not to the hidden open panel

    def _tab_shown(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.create_panel:
            self.create_panel.present()

    def _not_first_any_more(self) -> None:
        self.first_start = False

    def choose_language(self, code: str) -> None:
        """Switch now, and keep the choice for the next start (in the app settings)."""
        if code not in UI_LANGUAGES or code == current_language():
            return
        try:
            self.session.save_settings(dataclasses.replace(self.session.app_settings, language=code))
        except OSError as exc:
            error = exc.strerror or str(exc)
            self.open_panel.message.say(
                lambda: _("The language could not be kept for the next start: {error}").format(error=error),
                calm=True,
            )
        app = QCoreApplication.instance()
        if app is not None:
            switch_language(app, code)

    def _busy(self, busy: bool) -> None:
        self.tabs.tabBar().setEnabled(not busy)
        self.language.setEnabled(not busy)

    def _abandon(self) -> None:
        self.open_panel.task.abandon()
        self.create_panel.task.abandon()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(_("Waystation"))
        self.intro.setText(
            _(
                "Your papers, deadlines and next steps, kept in an encrypted vault on this computer. "
                "Nothing is sent anywhere."
            )
        )
        self.language.retranslate()
        self.tabs.setTabText(0, _("Open a vault"))
        self.tabs.setTabText(1, _("Create a new vault"))
        self.open_panel.retranslate()
        self.create_panel.retranslate()
