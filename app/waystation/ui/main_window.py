"""The main window: the start screen while locked, the workspace while a vault is open.

Lock (Ctrl+L) and quick exit (Ctrl+Shift+Q) are always available; auto-lock follows the settings.
Quick exit locks the vault, closes every window of the app and ends the process (the launcher
passes ``end_process``). We chose ending over hiding behind a tray icon: someone who presses it
is in danger *now* — a process that keeps running, a tray icon, or a window that comes back are
traces; a closed app is what they expect, and the next start costs only the passphrase.

F1 opens the keyboard help, and the Help button also leads to the About box. The window's size
and position are remembered across runs beside the app settings (``window_place``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from waystation.i18n import _
from waystation.ui.dialogs import FileDialogs
from waystation.ui.focus_ring import FocusRingFollower
from waystation.ui.icons import icon, window_icon
from waystation.ui.idle import IdleWatcher
from waystation.ui.keyboard import QUICK_EXIT_KEYS, QuickExitKeys, is_enter, press_default_button
from waystation.ui.mnemonics import MnemonicKeeper
from waystation.ui.refit import refit_after_language_change
from waystation.ui.session import Session
from waystation.ui.start_screen import StartScreen
from waystation.ui.style import watch_palette_changes
from waystation.ui.system_lock import SystemLockWatcher
from waystation.ui.window_place import WindowPlace, WindowPlaceStore, place_of, restore_place

if TYPE_CHECKING:
    from waystation.ui.wizard import FirstRunWizard
    from waystation.ui.workspace import Workspace


WATCH_LATEST_MS = 1000  # the app-wide filters are installed by then, painted or not


class MainWindow(QMainWindow):
    def __init__(
        self,
        session: Session,
        dialogs: FileDialogs | None = None,
        parent: QWidget | None = None,
        *,
        end_process: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.dialogs = dialogs or FileDialogs()
        self.end_process = end_process
        self.first_run: FirstRunWizard | None = None
        self._watching = False
        # Every screen is made inside the stack it is shown in, and the stack inside its column
        # (the help desk's banners go above it): a widget moved to a new parent afterwards has
        # its whole tree re-styled under the app's style sheet (~15 ms for the start screen).
        central = QWidget(self)
        self.column = QVBoxLayout(central)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(0)
        self.stack = QStackedWidget(central)
        self.column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.start = self.make_start_screen()
        self.stack.addWidget(self.start)
        self._workspace: Workspace | None = None  # built on first unlock: keeps start-up fast
        self._build_toolbar()

        self.idle = IdleWatcher(session.clock, session.app_settings.auto_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        # The session locking, the screen saver starting, the machine going to sleep: lock too.
        self.system_lock = SystemLockWatcher(self, listen=False)  # listens after the first paint
        self.system_lock.lock_requested.connect(self.lock)
        self.quick_exit_keys = QuickExitKeys(self.quick_exit, self)
        self.mnemonic_keeper = MnemonicKeeper(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.focus_ring = FocusRingFollower(app, self)
        # The filters that watch every event of the app are installed right after the window's
        # first paint (nothing can be typed or clicked before it): the first event a Python
        # filter sees from one of Qt's internal objects makes PySide build every Python type it
        # has not built yet (~25 ms), and the objects being built would pass through them too.

        self.start.opened.connect(self.enter_workspace)
        self.start.created.connect(self.after_create)
        session.locked.connect(self.show_start)
        session.changed.connect(self._settings_changed)
        self.place_store = WindowPlaceStore(session.store.folder)
        self.remembered_place: WindowPlace | None = None
        self.retranslate()
        self.show_start()
        self.remembered_place = restore_place(self, self.place_store)
        QTimer.singleShot(WATCH_LATEST_MS, self, self._watch_if_not_yet)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        if not self._watching:
            self._watching = True
            QTimer.singleShot(0, self, self.watch_whole_app)  # once this frame is on the screen

    def _watch_if_not_yet(self) -> None:
        if not self._watching:  # a window shown where it is never drawn still locks when idle
            self.watch_whole_app()

    def watch_whole_app(self) -> None:
        """Idle time, the quick-exit keys, dialogs' mnemonics, the wheel guard and palette
        changes (see __init__). Installing a filter twice keeps one (Qt)."""
        self._watching = True
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.installEventFilter(self.idle)
            app.installEventFilter(self.quick_exit_keys)
            app.installEventFilter(self.mnemonic_keeper)
            from waystation.ui.widgets.wheel_guard import install_wheel_guard  # not before the frame

            install_wheel_guard(app)  # value controls ignore the wheel unless focused
            watch_palette_changes(app)
        self.system_lock.listen()  # no vault can be open before this frame, so nothing to lock

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.lock_action = QAction(icon("lock"), "", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        # The keys are caught by QuickExitKeys in every window (also under a modal dialog);
        # the action only shows them.
        self.quick_exit_action = QAction(icon("quick_exit"), "", self)
        self.quick_exit_action.triggered.connect(self.quick_exit)
        self.help_action = QAction(self)
        self.help_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.help_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.help_action.triggered.connect(self.show_help)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.toolbar.addAction(self.lock_action)
        self.toolbar.addAction(self.quick_exit_action)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.help_menu = QMenu(self)
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.about_action)
        self.help_button = QToolButton(self.toolbar)
        self.help_button.setMenu(self.help_menu)
        self.help_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.help_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addWidget(self.help_button)
        self.addAction(self.help_action)

    def make_start_screen(self) -> StartScreen:
        """The screen shown while locked (the help desk's window makes its own: ui/helpdesk)."""
        return StartScreen(self.session, self.dialogs, self.stack)

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            from waystation.ui.workspace import Workspace

            self._workspace = Workspace(self.session, self.stack, dialogs=self.dialogs)
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
        self.idle.set_minutes(self.session.app_settings.auto_lock_minutes)
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
        """Hide at once, lock, close every window of the app, then end the process."""
        self.hide()
        self.session.lock()
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible():
                widget.close()
        self.close()
        if self.end_process is not None:
            self.end_process()

    def show_where_it_was(self) -> None:
        """Show the window at its remembered place (maximised if it was)."""
        if self.remembered_place is not None and self.remembered_place.maximized:
            self.showMaximized()
        else:
            self.show()

    def bring_forward(self) -> None:
        """A second start asked for this window."""
        if self.isMinimized():
            self.showNormal()
        else:
            self.show()
        self.raise_()
        self.activateWindow()

    # -- help ----------------------------------------------------------------------------

    def screen_titles(self) -> list[str]:
        if self._workspace is None or not self.session.is_open:
            return []
        return [page.title() for page in self._workspace.pages.values()]

    def show_help(self) -> None:
        from waystation.ui.help_dialogs import HelpDialog

        dialog = HelpDialog(self.screen_titles(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        from waystation.ui.help_dialogs import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- keyboard ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """Enter that no input used: press the default button of the form around the focus."""
        if is_enter(event) and press_default_button(QApplication.focusWidget()):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- look ----------------------------------------------------------------------------

    def _settings_changed(self, what: str) -> None:
        if what == "settings":
            self.idle.set_minutes(self.session.app_settings.auto_lock_minutes)
            self.retranslate()

    def retranslate(self) -> None:
        # Translators: the window title in discreet mode; a plain, ordinary word that draws no attention.
        discreet_title = _("Notes")
        self.setWindowTitle(discreet_title if self.session.app_settings.discreet else _("Waystation"))
        self.setWindowIcon(window_icon(self.session.app_settings.discreet))
        self.lock_action.setText(_("Lock"))
        self.lock_action.setToolTip(_("Lock the vault (Ctrl+L)"))
        self.quick_exit_action.setText(_("Quick exit"))
        keys = QUICK_EXIT_KEYS.toString(QKeySequence.SequenceFormat.NativeText)
        self.quick_exit_action.setToolTip(
            _("Lock the vault and close the app at once ({keys})").format(keys=keys)
        )
        self.help_button.setText(_("Help"))
        self.help_button.setToolTip(_("Keyboard shortcuts and about Waystation"))
        self.help_action.setText(_("Keyboard shortcuts"))
        self.about_action.setText(_("About Waystation"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # once every screen took its new words: measures renewed, letters given again
            QTimer.singleShot(0, self, lambda: refit_after_language_change(self))
            self.mnemonic_keeper.schedule(self)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.place_store.save(place_of(self))
        self.session.lock()
        super().closeEvent(event)
