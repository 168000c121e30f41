"""The main window: the start screen while locked, the workspace while a vault is open.

Lock (Ctrl+L) and quick exit (Ctrl+Shift+Q: hide the window and lock at once) are always
available; auto-lock follows the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QToolBar, QWidget

from waystation.i18n import _
from waystation.ui.dialogs import FileDialogs
from waystation.ui.icons import icon, window_icon
from waystation.ui.idle import IdleWatcher
from waystation.ui.session import Session
from waystation.ui.start_screen import StartScreen

if TYPE_CHECKING:
    from waystation.ui.wizard import FirstRunWizard
    from waystation.ui.workspace import Workspace


class MainWindow(QMainWindow):
    def __init__(
        self, session: Session, dialogs: FileDialogs | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.dialogs = dialogs or FileDialogs()
        self.first_run: FirstRunWizard | None = None
        self.start = StartScreen(session, self.dialogs, self)
        self._workspace: Workspace | None = None  # built on first unlock: keeps start-up fast
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start)
        self.setCentralWidget(self.stack)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.lock_action = QAction(icon("lock"), "", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.quick_exit_action = QAction(icon("quick_exit"), "", self)
        self.quick_exit_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.quick_exit_action.triggered.connect(self.quick_exit)
        self.toolbar.addAction(self.lock_action)
        self.toolbar.addAction(self.quick_exit_action)
        self.addAction(self.quick_exit_action)

        self.idle = IdleWatcher(session.clock, session.settings.auto_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)

        self.start.opened.connect(self.enter_workspace)
        self.start.created.connect(self.after_create)
        session.locked.connect(self.show_start)
        session.changed.connect(self._settings_changed)
        self.retranslate()
        self.show_start()
        self.resize(1100, 720)

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            from waystation.ui.workspace import Workspace

            self._workspace = Workspace(self.session, self, dialogs=self.dialogs)
            self.stack.addWidget(self._workspace)
        return self._workspace

    # -- states ------------------------------------------------------------------------------

    def show_start(self) -> None:
        self.idle.disarm()
        self.stack.setCurrentWidget(self.start)
        self.lock_action.setEnabled(False)
        self.start.reset()

    def enter_workspace(self) -> None:
        self.stack.setCurrentWidget(self.workspace)
        self.lock_action.setEnabled(True)
        self.idle.set_minutes(self.session.settings.auto_lock_minutes)
        self.idle.arm()
        self.workspace.enter()

    def after_create(self) -> None:
        """A new vault: the workspace, with the first-run wizard over it."""
        self.enter_workspace()
        self.run_first_run_wizard()

    def run_first_run_wizard(self) -> FirstRunWizard:
        """Modal, but not blocking: the window keeps running (auto-lock, tests) behind it."""
        from waystation.ui.wizard import FirstRunWizard

        wizard = FirstRunWizard(self.session, self)
        wizard.setWindowModality(Qt.WindowModality.ApplicationModal)
        wizard.finished.connect(self._first_run_closed)
        self.first_run = wizard
        wizard.open()
        return wizard

    def _first_run_closed(self) -> None:
        if self.first_run is not None:
            self.first_run.forget()  # the answers are in the vault now, or were not wanted
            self.first_run.deleteLater()
            self.first_run = None

    def lock(self) -> None:
        self.session.lock()

    def quick_exit(self) -> None:
        self.hide()
        self.session.lock()

    # -- look ----------------------------------------------------------------------------

    def _settings_changed(self, what: str) -> None:
        if what == "settings":
            self.idle.set_minutes(self.session.settings.auto_lock_minutes)
            self.retranslate()

    def retranslate(self) -> None:
        # Translators: the window title in discreet mode; a plain, ordinary word that draws no attention.
        discreet_title = _("Notes")
        self.setWindowTitle(discreet_title if self.session.settings.discreet else _("Waystation"))
        self.setWindowIcon(window_icon(self.session.settings.discreet))
        self.lock_action.setText(_("Lock"))
        self.lock_action.setToolTip(_("Lock the vault (Ctrl+L)"))
        self.quick_exit_action.setText(_("Quick exit"))
        self.quick_exit_action.setToolTip(_("Hide this window and lock the vault at once (Ctrl+Shift+Q)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.session.lock()
        super().closeEvent(event)
