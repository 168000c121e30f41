"""Packets: one PDF in two parts — for the office (the applicant's data in the country's language
beside the user's, a line to sign, the scans) and for the applicant (the checklist with what is
missing, the deadlines, the steps) — built on a worker thread with progress and Cancel, its pages
drawn on another and shown as they arrive, then saved or printed (printing is a worker's job
too). Before building, the fields the office needs that are empty are listed with links to them
(``navigate``). Nothing is written to disk before Save… (or printing to a file): the PDF and its
page pictures stay in memory and are dropped when the vault locks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from waystation.errors import InvalidInput, WaystationError
from waystation.i18n import _, current_language, ngettext
from waystation.packets.from_vault import packet_packs, request_from_vault
from waystation.packets.readiness import office_gaps
from waystation.packets.request import PacketRequest, PacketResult
from waystation.ui.dialogs import FileDialogs
from waystation.ui.icons import icon
from waystation.ui.pages.base import Page, plain_label
from waystation.ui.pages.form_button import FillFormButton
from waystation.ui.pages.look import PAGE_STYLE
from waystation.ui.pages.packet_form import PacketForm
from waystation.ui.pages.packet_preview import RENDER_WIDTH, PagePreview, draw_pages
from waystation.ui.pages.packet_print import PrintDialog, PrintRun, ask_printer, new_printer
from waystation.ui.pages.packet_saving import Confirm, save_packet, suggested_name
from waystation.ui.pages.packet_tasks import PageTask, Work
from waystation.ui.pages.packet_worker import PacketBuild
from waystation.ui.pages.vocabulary import track_name
from waystation.ui.session import Session
from waystation.ui.widgets.ask import confirm

MakeRequest = Callable[..., PacketRequest]  # request_from_vault's signature: a seam for tests
DrawPages = Callable[[bytes, str | None, int], Work]  # draw_pages' signature: a seam for tests


class PacketsPage(Page):
    key = "packets"
    icon_name = "packets"
    packet_ready = Signal()  # a packet was built and its pages are shown
    printed = Signal()  # printing ended (done, failed or stopped)

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, dialogs: FileDialogs | None = None
    ) -> None:
        super().__init__(session, parent, dialogs=dialogs)
        self.setStyleSheet(PAGE_STYLE)
        self.make_request: MakeRequest = request_from_vault
        self.draw_pages: DrawPages = draw_pages
        self.confirm: Confirm = lambda title, text, action: confirm(self, title, text, action)
        self.print_dialog: PrintDialog = ask_printer(self)
        self.worker = PacketBuild(self)
        self.drawing = PageTask(
            lambda: _("The packet's pages could not be shown because of an error in Waystation."), self
        )
        self.printing = PrintRun(self)
        self.result: PacketResult | None = None
        self._password: str | None = None  # the built packet's, to render its pages
        self._pending: tuple[str, str, str, str | None] | None = None  # country, track, part, password
        self._built_as: tuple[str, str, str] = ("", "", "")  # country, track, part
        self.heading = plain_label("", self)
        self.heading.setObjectName("heading")
        self.intro = plain_label("", self, wrap=True)
        self.form = PacketForm(self)
        self.build_button = QPushButton(icon("packets"), "", self)
        self.build_button.setDefault(True)  # Enter in the form builds (ui/keyboard.py)
        self.cancel_button = QPushButton(self)
        self.form_button = FillFormButton(session, self.dialogs, self)  # official forms: form_fill_dialog.py
        self.progress = QProgressBar(self)
        self.progress_text = plain_label("", self, wrap=True)
        self.progress_text.setObjectName("meta")
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("message")
        self.warnings = plain_label("", self, wrap=True)
        self.warnings.setObjectName("warning")
        self.summary = plain_label("", self, wrap=True)
        self.summary.setObjectName("subheading")
        self.protected = plain_label("", self, wrap=True)
        self.save_button = QPushButton(icon("save"), "", self)
        self.print_button = QPushButton(self)
        self.saved = plain_label("", self, wrap=True)
        self.preview = PagePreview(self)
        self._layout()
        self._connect()
        self.retranslate()
        self.clear()

    def _layout(self) -> None:
        inner = QWidget(self)
        form_column = QVBoxLayout(inner)
        form_column.setContentsMargins(0, 0, 12, 0)
        form_column.addWidget(self.form)
        form_column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take focus, and it follows them
        scroll.setWidget(inner)
        buttons = QHBoxLayout()
        buttons.addWidget(self.build_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        left = QWidget(self)
        left.setMinimumWidth(300)
        left.setMaximumWidth(520)  # a wide window gives its room to the pages
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(scroll, 1)  # the choices scroll; the actions and progress stay in view
        column.addWidget(self.message)
        column.addLayout(buttons)
        column.addWidget(self.form_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.progress)
        column.addWidget(self.progress_text)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(self.summary)
        right.addWidget(self.protected)
        right.addWidget(self.warnings)
        right.addLayout(actions)
        right.addWidget(self.saved)
        right.addWidget(self.preview, 1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addWidget(left, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(columns, 1)

    def _connect(self) -> None:
        self.build_button.clicked.connect(self.start_build)
        self.cancel_button.clicked.connect(self.cancel_build)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_pages)
        self.worker.progressed.connect(self._progressed)
        self.worker.built.connect(self._built)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.drawing.progressed.connect(self._page_drawn)
        self.drawing.finished.connect(lambda _total: self._pages_done(""))
        self.drawing.failed.connect(self._pages_done)
        self.printing.status.connect(self._said_saved)
        self.printing.problem.connect(self._say)
        self.printing.ended.connect(self._printing_ended)
        self.form.chosen.connect(self._check_readiness)
        self.form.readiness.chosen.connect(self.navigate)
        for keys, action in (
            (QKeySequence.StandardKey.Save, self.save),
            (QKeySequence.StandardKey.Print, self.print_pages),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    # -- Page ----------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Packets")

    def refresh(self) -> None:
        if not self.session.is_open:
            return
        fresh = not self.form.packs
        packs = packet_packs(self.session.library)
        self.form.fill(packs, self.session.vault.profile.load().host.country)
        if fresh:
            self.form.set_language(current_language())
        if not packs:
            self._say(_("None of the country guides defines a packet."))
        self._check_readiness()
        self._set_idle()

    def clear(self) -> None:
        """Stop a build, its drawing and its printing; forget the packet, its pages, the password
        and the warnings."""
        self.worker.forget()
        self.drawing.forget()
        self.printing.forget()
        self._pending = None
        self._forget_packet()
        self.form.wipe()
        self._say("")
        self.progress_text.clear()
        self.progress_text.hide()
        self.progress.reset()
        self.progress.hide()
        self._set_idle()

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.intro.setText(
            _(
                "One PDF in two parts: for the office, your details labelled in the country's "
                "language and in yours, a line to sign and your scans; for you, what is missing, the "
                "deadlines and the steps. It stays in memory until you save or print it."
            )
        )
        self.form.retranslate()
        self.preview.retranslate()
        self.build_button.setText(_("&Build packet"))
        self.build_button.setAccessibleDescription(_("Build the packet; this may take a moment"))
        self.cancel_button.setText(_("Ca&ncel"))
        self.cancel_button.setAccessibleName(_("Cancel building the packet"))
        self.progress.setAccessibleName(_("Building the packet"))
        self.save_button.setText(_("&Save…"))
        self.save_button.setAccessibleDescription(_("Save the packet as a PDF file"))
        self.print_button.setText(_("Pr&int…"))
        self.print_button.setAccessibleDescription(_("Print the packet"))
        self._show_summary()

    # -- building ------------------------------------------------------------------------------

    def start_build(self) -> None:
        if self.worker.running or not self.session.is_open:
            return
        self._say("")
        self.form.show_problem("", "")
        pack, track = self.form.pack(), self.form.track_code()
        if pack is None or track is None:
            self.form.show_problem("track", _("Choose a country and a track."))
            return
        try:
            password = self.form.checked_password()
            request = self.make_request(
                self.session.vault,
                pack,
                track,
                language=self.form.language_code(),
                made_on=self.session.today(),
                password=password,
                lead_days=self.session.app_settings.expiry_lead_days,
                part=self.form.part(),
            )
        except InvalidInput as exc:
            if not any(label.text() for label in self.form.messages.values()):
                self._say(exc.message)
            return
        except WaystationError as exc:
            self._say(exc.message)
            return
        self._forget_packet()
        self._pending = (pack.country, track, self.form.part(), password)
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.show()
        self.progress_text.setText(_("Starting…"))
        self.progress_text.show()
        self.worker.start(request)
        self._set_idle()

    def cancel_build(self) -> None:
        if self.worker.running:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_text.setText(_("Stopping…"))

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_text.setText(text)

    def _built(self, result: PacketResult) -> None:
        country, track, part, password = self._pending or ("", "", "", None)
        self._pending = None
        self.result, self._password, self._built_as = result, password, (country, track, part)
        self.progress.setRange(0, max(self.progress.maximum(), 1))
        self.progress.setValue(self.progress.maximum())
        self.progress_text.setText(_("Done."))
        self.warnings.setText("\n".join(f"• {warning}" for warning in result.warnings))
        self.warnings.setVisible(bool(result.warnings))
        self._show_summary()
        self._set_idle()
        self.preview.begin()
        width = round(RENDER_WIDTH * self.devicePixelRatioF())
        self.drawing.start(self.draw_pages(result.pdf, password, width))

    def _page_drawn(self, _done: int, total: int, image: object) -> None:
        if isinstance(image, QImage):
            self.preview.add_image(image, total)

    def _pages_done(self, problem: str) -> None:
        """The pages are all drawn, or ``problem`` says why not; the packet can be saved anyway."""
        self.preview.finish()
        if problem:
            self._say(problem)
        self.packet_ready.emit()

    def _failed(self, message: str) -> None:
        self._pending = None
        self.progress.hide()
        self.progress_text.hide()
        self._say(message)
        self._set_idle()

    def _cancelled(self) -> None:
        self._pending = None
        self.progress.reset()
        self.progress.hide()
        self.progress_text.setText(_("Cancelled; no packet was built."))
        self._set_idle()

    # -- the built packet ----------------------------------------------------------------------

    def save(self) -> None:
        result = self.result
        if result is None or self.worker.running:
            return
        outcome = save_packet(
            self,
            self.dialogs,
            self.confirm,
            result,
            suggested_name(*self._built_as),
            lambda: self.result is result,
        )
        if outcome is not None:
            self._say(outcome.problem)
            self._said_saved(outcome.said)

    def print_pages(self) -> None:
        result = self.result
        if result is None or self.worker.running or self.printing.running:
            return
        printer = new_printer()
        if not self.print_dialog(printer, result.pages) or self.result is not result:
            return
        self._say("")
        self.printing.start(printer, result.pdf, self._password)
        self._set_idle()

    def _printing_ended(self) -> None:
        self._set_idle()
        self.printed.emit()

    # -- inside --------------------------------------------------------------------------------

    def _check_readiness(self) -> None:
        """The fields the office needs that are empty, for the chosen track (none to check when
        only the applicant's part is made)."""
        track = self.form.track_code()
        if not self.session.is_open or track is None or self.form.part() == "personal":
            self.form.readiness.clear()
            self.form.readiness.hide()
            return
        self.form.readiness.show_gaps(office_gaps(self.session.vault.profile.load(), track))
        self.form.readiness.show()

    def _forget_packet(self) -> None:
        self.drawing.forget()
        self.result = None
        self._password = None
        self._built_as = ("", "", "")
        self.preview.clear()
        for label in (self.warnings, self.summary, self.protected, self.saved):
            label.clear()
            label.hide()

    def _show_summary(self) -> None:
        result = self.result
        if result is None:
            self.summary.hide()
            self.protected.hide()
            return
        country, track, _part = self._built_as
        pack = self.session.library.get(country)
        text = ngettext("{country}, {track}: {n} page", "{country}, {track}: {n} pages", result.pages).format(
            country=pack.name.get(current_language()) if pack else country,
            track=track_name(track),
            n=result.pages,
        )
        self.summary.setText(text)
        self.summary.show()
        self.protected.setText(_("Protected with a password.") if result.encrypted else "")
        self.protected.setVisible(result.encrypted)

    def _set_idle(self) -> None:
        building = self.worker.running
        ready = self.result is not None and not building
        self.form.setEnabled(not building)
        self.build_button.setEnabled(not building and self.session.is_open and bool(self.form.packs))
        self.cancel_button.setEnabled(building)
        self.cancel_button.setVisible(building)
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready and not self.printing.running)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _said_saved(self, text: str) -> None:
        self.saved.setText(text)
        self.saved.setVisible(bool(text))
