"""Printing a built packet: each page rendered by PDFium at the printer's resolution (capped, so a
1200 dpi printer does not need half a gigabyte per page) and drawn onto the printer's painter.
``print_work`` does it on a worker thread (Qt paints on a QPrinter from any one thread), page by
page, so the window stays responsive and a lock stops it between pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from waystation.errors import StorageFailure
from waystation.i18n import _, ngettext
from waystation.ui.pages.packet_preview import opened, page_count, page_image
from waystation.ui.pages.packet_tasks import Cancelled, PageTask, Report, Work

PrintDialog = Callable[[QPrinter, int], bool]
"""Asks where and what to print (the printer and the page count); False when cancelled."""

MAX_PRINT_DPI = 300


def ask_printer(parent: QWidget | None) -> PrintDialog:
    def ask(printer: QPrinter, pages: int) -> bool:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_("Print the packet"))
        dialog.setMinMax(1, pages)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        return dialog.exec() == QDialog.DialogCode.Accepted

    return ask


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName("packet")  # print queues show it to anyone on the machine: no name in it
    return printer


def chosen_pages(printer: QPrinter, count: int) -> range:
    """The 0-based pages to print: all, or the range chosen in the dialog."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(count, printer.toPage() or count)
        return range(first - 1, last)
    return range(count)


def fitted(size: QSize, area: QRect) -> QRect:
    """``size`` scaled to fit ``area``, centred, aspect ratio kept."""
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = area.left() + (area.width() - scaled.width()) // 2
    top = area.top() + (area.height() - scaled.height()) // 2
    return QRect(left, top, scaled.width(), scaled.height())


def print_work(printer: QPrinter, pdf: bytes, password: str | None) -> Work:
    """The work of printing (see ``print_packet``); its result is the number of pages printed."""

    def work(report: Report, cancelled: Cancelled) -> int:
        return print_packet(printer, pdf, password, report=report, cancelled=cancelled)

    return work


def print_packet(
    printer: QPrinter,
    pdf: bytes,
    password: str | None,
    *,
    report: Report | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Print the pages chosen on ``printer``; the number printed. StorageFailure when the printer
    (or the PDF file it prints to) cannot be opened; InvalidInput when the packet is unreadable.
    ``report(done, total, None)`` follows each page; ``cancelled()`` stops before the next one."""
    with opened(pdf, password) as document:
        pages = chosen_pages(printer, page_count(document))
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise StorageFailure(_("The printer could not be started; nothing was printed."))
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            area = QRect(0, 0, printer.width(), printer.height())
            for number, index in enumerate(pages):
                if cancelled is not None and cancelled():
                    printer.abort()  # the vault locked: drop the job rather than print half of it
                    return number
                if number and not printer.newPage():
                    raise StorageFailure(
                        ngettext(
                            "The printer stopped after {n} page.",
                            "The printer stopped after {n} pages.",
                            number,
                        ).format(n=number)
                    )
                image = page_image(document, index, dpi=dpi)
                painter.drawImage(fitted(image.size(), area), image)
                if report is not None:
                    report(number + 1, len(pages), None)
        finally:
            painter.end()
    return len(pages)


class PrintRun(QObject):
    """Printing a built packet on a worker thread, saying how far it got."""

    status = Signal(str)  # "Printing page 2 of 5…", then "Sent 5 pages to the printer."
    problem = Signal(str)  # why nothing (or not everything) was printed
    ended = Signal()  # done, failed or forgotten: printing may start again

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task = PageTask(
            lambda: _("The packet could not be printed because of an error in Waystation."), self
        )
        self.task.progressed.connect(self._printed_page)
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)

    @property
    def running(self) -> bool:
        return self.task.running

    def start(self, printer: QPrinter, pdf: bytes, password: str | None) -> None:
        self.status.emit(_("Printing…"))
        self.task.start(print_work(printer, pdf, password))

    def forget(self) -> None:
        """Stop after the page being printed (the vault locked)."""
        self.task.forget()

    def wait(self, milliseconds: int = 30_000) -> bool:
        return self.task.wait(milliseconds)

    def _printed_page(self, done: int, total: int, _nothing: object) -> None:
        self.status.emit(_("Printing page {n} of {total}…").format(n=done, total=total))

    def _done(self, printed: object) -> None:
        count = printed if isinstance(printed, int) else 0
        self.status.emit(
            ngettext("Sent {n} page to the printer.", "Sent {n} pages to the printer.", count).format(n=count)
        )
        self.ended.emit()

    def _failed(self, message: str) -> None:
        self.status.emit("")
        self.problem.emit(message)
        self.ended.emit()
