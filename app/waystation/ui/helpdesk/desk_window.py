"""The main window of every desktop run the launcher starts: ``MainWindow`` with guest sessions,
"Save a copy for yourself" and, at a help desk, the desk's start screen and End session.

End session (the toolbar button, always shown at a desk; Ctrl+Shift+E from any window) is
``SessionEnder`` (``end_session.py``): it waits for a safe point, locks, ends a guest session,
then ``clean_slate`` closes every other window, empties the clipboard, forgets Qt's file-dialog
history and replaces the start screen and the workspace with new ones. At a desk every lock
(idle, Ctrl+L, the screen locking) ends in the same clean slate, so the next person never finds
the last one's vault filled in. A guest session is asked about before it is lost: closing the
window or ending it offers to save it into a vault first; quick exit asks nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from waystation.errors import StorageFailure, VaultDamaged
from waystation.helpdesk.desk_settings import DeskSettingsStore
from waystation.i18n import _
from waystation.ui.dialogs import FileDialogs
from waystation.ui.helpdesk.banners import EndingLine, GuestBanner
from waystation.ui.helpdesk.desk_counts import DeskCounter
from waystation.ui.helpdesk.desk_start import DeskContext, DeskStartScreen
from waystation.ui.helpdesk.end_session import (
    SessionEnder,
    clear_clipboard,
    close_other_windows,
    forget_file_dialog_history,
)
from waystation.ui.helpdesk.guest_keeper import GuestKeeper
from waystation.ui.helpdesk.keys import END_SESSION_KEYS, EndSessionKeys
from waystation.ui.helpdesk.unplug_guard import UnplugGuard, damaged_words, removed_words
from waystation.ui.icons import icon
from waystation.ui.main_window import MainWindow
from waystation.ui.session import Session
from waystation.ui.start_screen import StartScreen

if TYPE_CHECKING:
    from waystation.helpdesk.desk_record import DeskRecord
    from waystation.ui.helpdesk.guest_leaving import GuestLeavingDialog
    from waystation.ui.helpdesk.handoff_dialog import HandoffDialog
    from waystation.ui.workspace import Workspace

RETIRE_MS = 40  # the last client's screens are destroyed once the new start screen is painted
PREBUILD_MS = 100  # then the next client's screens are built, while they type their passphrase


class DeskWindow(MainWindow):
    session_ended = Signal()  # End session finished: the desk's start screen is back, clean

    def __init__(
        self,
        session: Session,
        dialogs: FileDialogs | None = None,
        parent: QWidget | None = None,
        *,
        end_process: Callable[[], None] | None = None,
        helpdesk: bool = False,
        guest_process: bool = False,
        desk_store: DeskSettingsStore | None = None,
        record: DeskRecord | None = None,
    ) -> None:
        self.desk_store = desk_store or DeskSettingsStore(session.store.folder)
        self.helpdesk_flag = helpdesk  # ``--helpdesk``: a desk whatever the settings say
        self.helpdesk_mode = helpdesk or self.desk_store.load().helpdesk
        self.guest_process = guest_process
        self.keeper = GuestKeeper()
        self._leaving = False  # quick exit, or a close that may lose the guest session
        self._guest_loss_accepted = False
        self._then: Callable[[], object] | None = None  # after the guest session was saved
        self._notice: Callable[[], str] | None = None
        self.leaving_dialog: GuestLeavingDialog | None = None
        self.handoff_dialog: HandoffDialog | None = None
        self._saved = False  # the handoff dialog saved its copy
        self._retired: list[QWidget] = []  # the last client's screens, about to be destroyed
        super().__init__(session, dialogs, parent, end_process=end_process)
        self.keeper.setParent(self)
        self.counter = DeskCounter(session, self.desk_store, record, self.keeper, self)
        self._apply_mode()
        self._build_chrome()
        self.ender = SessionEnder(
            session, self, before_lock=self._stop_builds, end_guest=self._end_guest, clean=self.clean_slate
        )
        self.ender.waiting.connect(self._waiting)
        self.unplug = UnplugGuard(session, self)
        self.unplug.removing.connect(lambda: self._set_notice(removed_words))
        self.unplug.damaged.connect(lambda problem: self._set_notice(damaged_words(problem)))
        self.unplug.removed.connect(self._show_notice)
        session.opened.connect(self._update_chrome)
        session.locked.connect(self._after_lock)
        session.state_changed.connect(lambda _state: self._update_chrome())
        self.keeper.changed.connect(self._update_chrome)
        self._connect_start(self.start, first=True)
        self._update_chrome()

    # -- building ------------------------------------------------------------------------------

    def make_start_screen(self) -> StartScreen:
        context = DeskContext(self.helpdesk_mode, self.guest_process, self.keeper, self.desk_store)
        return DeskStartScreen(self.session, self.dialogs, self.stack, context=context)

    def _build_chrome(self) -> None:
        # The banners above the screens and the desk's actions' icons are made when first shown:
        # an ordinary start shows none of them, and its first frame does not wait for them.
        self._guest_banner: GuestBanner | None = None
        self._ending_line: EndingLine | None = None
        self.end_action = QAction(self)
        self.end_action.triggered.connect(self.end_session)
        self.copy_action = QAction(self)
        self.copy_action.triggered.connect(self.open_handoff)
        spacer = self.toolbar.actions()[2] if len(self.toolbar.actions()) > 2 else None
        self.toolbar.insertAction(spacer, self.copy_action)  # type: ignore[arg-type]
        self.toolbar.insertAction(spacer, self.end_action)  # type: ignore[arg-type]
        self.end_keys = EndSessionKeys(self.end_session, self.can_end, self)

    @property
    def guest_banner(self) -> GuestBanner:
        if self._guest_banner is None:
            banner = GuestBanner(self.centralWidget())
            banner.setEnabled(self.stack.isEnabled())
            banner.save_button.clicked.connect(self.open_handoff)
            banner.end_button.clicked.connect(self.end_session)
            self.column.insertWidget(0, banner)
            self._guest_banner = banner
        return self._guest_banner

    @property
    def ending_line(self) -> EndingLine:
        if self._ending_line is None:
            line = EndingLine(self.centralWidget())
            self.column.insertWidget(self.column.indexOf(self.stack), line)  # right above the screens
            self._ending_line = line
        return self._ending_line

    def watch_whole_app(self) -> None:
        """MainWindow's filters, and the End-session keys: after the first paint, as they are."""
        super().watch_whole_app()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.installEventFilter(self.end_keys)

    def _connect_start(self, start: StartScreen, *, first: bool = False) -> None:
        if not first:  # MainWindow connected the first start screen itself
            start.opened.connect(self.enter_workspace)
            start.created.connect(self.after_create)
        start.created.connect(self.counter.vault_created)
        if isinstance(start, DeskStartScreen):
            start.end_guest_requested.connect(self.end_session)
            start.desk_changed.connect(self._desk_settings_changed)

    def _apply_mode(self) -> None:
        self.counter.active = self.helpdesk_mode and not self.guest_process
        self.session.remember_vaults = not (self.helpdesk_mode or self.guest_process)

    def enter_workspace(self) -> None:
        """A vault that turns out damaged (or gone) as the screens first read it: closed without
        saving, and the start screen says so — not a crash report."""
        fresh = self._workspace
        if fresh is not None and fresh.nav.currentRow() < 0:
            # New screens have no row chosen yet: showing them would choose the first row (and
            # draw the overview) and entering would draw it again. Choose it quietly first.
            blocked = fresh.nav.blockSignals(True)
            fresh.nav.setCurrentRow(0)
            fresh.nav.blockSignals(blocked)
        try:
            super().enter_workspace()
        except (StorageFailure, VaultDamaged) as error:
            from waystation.ui.workspace import Workspace

            for half_built in self.findChildren(Workspace):
                if half_built is not self._workspace:
                    half_built.deleteLater()
            if not self.unplug.failed(error):
                raise

    def after_create(self) -> None:
        """A new client's vault: the wizard runs only over a vault that is still open (one on a
        stick pulled out as it was first read was closed by ``enter_workspace``)."""
        self.enter_workspace()
        if self.session.is_open:
            self.run_first_run_wizard()

    @property
    def workspace(self) -> Workspace:
        fresh = self._workspace is None
        workspace = super().workspace
        if fresh:
            packets = workspace.pages.get("packets")
            built = getattr(packets, "packet_ready", None)
            if built is not None:
                built.connect(self.counter.packet_built)
        return workspace

    # -- what shows ----------------------------------------------------------------------------

    def can_end(self) -> bool:
        """End session applies: at a desk always, elsewhere while a guest session exists."""
        return self.helpdesk_mode or self.keeper.exists

    def _update_chrome(self) -> None:
        guest_open = self.session.is_guest
        if guest_open or self._guest_banner is not None:
            self.guest_banner.setVisible(guest_open)
        # A guest session's banner has both buttons; a desk always shows End session up top.
        _show_action(
            self.end_action, "end_session", self.helpdesk_mode or (self.keeper.exists and not guest_open)
        )
        _show_action(
            self.copy_action, "backup", self.session.is_open and self.helpdesk_mode and not guest_open
        )
        self.retranslate_desk()

    def _waiting(self, words: str) -> None:
        if words or self._ending_line is not None:
            self.ending_line.say(words)
        busy = bool(words)
        self.stack.setEnabled(not busy)
        if self._guest_banner is not None:
            self._guest_banner.setEnabled(not busy)
        self.lock_action.setEnabled(not busy and self.session.is_open)
        self.end_action.setEnabled(not busy)
        self.copy_action.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    # -- ending a session ----------------------------------------------------------------------

    def end_session(self) -> None:
        """End session: the button, Ctrl+Shift+E, the guest banner's End."""
        if self.ender.running or not self.can_end():
            return
        if self.keeper.exists and not self._guest_loss_accepted:
            self._ask_about_guest(closing=False)
            return
        self.ender.end()

    def _stop_builds(self) -> None:
        if self._workspace is None:
            return
        packets = self._workspace.pages.get("packets")
        worker = getattr(packets, "worker", None)
        cancel = getattr(packets, "cancel_build", None)
        if worker is not None and worker.running and callable(cancel):
            cancel()

    def _end_guest(self) -> None:
        if self.keeper.exists:
            self.keeper.discard()

    def _after_lock(self) -> None:
        self._update_chrome()
        if self.ender.running or self._leaving:
            return
        was = self.helpdesk_mode
        self.helpdesk_mode = self.helpdesk_flag or self.desk_store.load().helpdesk
        self._apply_mode()
        if self.helpdesk_mode or was:
            self.ender.after_lock()
        else:
            self._show_notice()

    def clean_slate(self) -> None:
        """Nothing of the last client: other windows closed, clipboard empty, Qt's file-dialog
        history forgotten, new start screen and new screens."""
        self._guest_loss_accepted = False
        close_other_windows(keep=self)
        clear_clipboard()
        forget_file_dialog_history()
        self.renew_screens()
        self._update_chrome()
        self._show_notice()
        self.session_ended.emit()

    def renew_screens(self) -> None:
        """A new start screen shows at once; the old screens — hidden, cleared by the lock, out
        of every list — are destroyed just after it is painted, and the next client's screens
        are built while they type their passphrase."""
        old = [widget for widget in (self.start, self._workspace) if widget is not None]
        self.start = self.make_start_screen()
        self.stack.addWidget(self.start)
        self._connect_start(self.start)
        self._workspace = None
        self.first_run = None
        self.show_start()
        for widget in old:
            widget.hide()
        self._retired += old
        QTimer.singleShot(RETIRE_MS, self, self._retire)
        QTimer.singleShot(PREBUILD_MS, self, self._prebuild)

    def _retire(self) -> None:
        retired, self._retired = self._retired, []
        for widget in retired:
            if isValid(widget):
                self.stack.removeWidget(widget)
                widget.deleteLater()

    def _prebuild(self) -> None:
        if self._workspace is None and not self.session.is_open:
            self.workspace  # noqa: B018 (built now, while the next client types)

    def _desk_settings_changed(self) -> None:
        if self.helpdesk_flag or self.session.is_open:
            return
        wanted = self.desk_store.load().helpdesk
        if wanted != self.helpdesk_mode:
            self.helpdesk_mode = wanted
            self._apply_mode()
            self.renew_screens()
            self._update_chrome()

    # -- notices -------------------------------------------------------------------------------

    def _set_notice(self, words: Callable[[], str]) -> None:
        self._notice = words

    def _show_notice(self) -> None:
        notice, self._notice = self._notice, None
        if notice is not None:
            self.start.open_panel.message.say(notice)

    # -- guest sessions and handoff -------------------------------------------------------------

    def _ask_about_guest(self, *, closing: bool) -> None:
        if self.leaving_dialog is not None and self.leaving_dialog.isVisible():
            return
        from waystation.ui.helpdesk.guest_leaving import GuestLeavingDialog  # when first asked

        dialog = GuestLeavingDialog(self, closing=closing, can_save=self.session.is_guest)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(lambda choice: self._guest_choice(choice, closing))
        dialog.finished.connect(self._leaving_closed)  # deleted on close: not asked about again
        self.leaving_dialog = dialog
        dialog.open()

    def _leaving_closed(self) -> None:
        self.leaving_dialog = None

    def _guest_choice(self, choice: str, closing: bool) -> None:
        from waystation.ui.helpdesk.guest_leaving import LOSE, SAVE

        go_on: Callable[[], object] = self.close if closing else self.end_session
        if choice == LOSE:
            self._guest_loss_accepted = True
            QTimer.singleShot(0, self, go_on)
        elif choice == SAVE:
            self._then = go_on
            QTimer.singleShot(0, self, self.open_handoff)

    def open_handoff(self) -> None:
        """Save a copy for yourself (a guest session: save all this into a vault)."""
        if not self.session.is_open or (self.handoff_dialog is not None and self.handoff_dialog.isVisible()):
            return
        # imported here: it brings the vault code, which the start-up preload has loaded by now
        from waystation.ui.helpdesk.handoff_dialog import HandoffDialog

        dialog = HandoffDialog(self.session, self.dialogs, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._handed_off)
        dialog.finished.connect(self._handoff_closed)
        self.handoff_dialog = dialog
        self._saved = False
        dialog.open()

    def _handed_off(self) -> None:
        self._saved = True
        if self.session.is_guest:
            self.counter.guest_saved()

    def _handoff_closed(self) -> None:
        self.handoff_dialog = None
        then, self._then = self._then, None
        if then is not None and self._saved:
            self._guest_loss_accepted = True  # it is saved: nothing is lost now
            QTimer.singleShot(0, self, then)

    # -- leaving -------------------------------------------------------------------------------

    def quick_exit(self) -> None:
        self._leaving = True
        super().quick_exit()
        self.keeper.discard()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self.keeper.exists and not (self._leaving or self._guest_loss_accepted):
            event.ignore()
            self._ask_about_guest(closing=True)
            return
        self._leaving = True
        super().closeEvent(event)
        self.keeper.discard()
        self.unplug.remove_hook()

    # -- words ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "end_action"):
            self.retranslate_desk()

    def retranslate_desk(self) -> None:
        keys = END_SESSION_KEYS.toString(QKeySequence.SequenceFormat.NativeText)
        if self.helpdesk_mode:
            self.end_action.setText(_("End session"))
            self.end_action.setToolTip(
                _("Lock, close and clear everything before the next client ({keys})").format(keys=keys)
            )
        else:
            self.end_action.setText(_("End guest session"))
            self.end_action.setToolTip(
                _("End the guest session; it asks before anything is lost ({keys})").format(keys=keys)
            )
        if self.session.is_guest:
            self.copy_action.setText(_("Save into a vault…"))
            self.copy_action.setToolTip(_("Save everything of this guest session into a vault file"))
        else:
            self.copy_action.setText(_("Save a copy for yourself…"))
            self.copy_action.setToolTip(_("A verified encrypted copy of this vault, e.g. on your USB stick"))


def _show_action(action: QAction, icon_name: str, visible: bool) -> None:
    """Show or hide one of the desk's actions; its icon is drawn the first time it shows."""
    if visible and action.icon().isNull():
        action.setIcon(icon(icon_name))
    action.setVisible(visible)
