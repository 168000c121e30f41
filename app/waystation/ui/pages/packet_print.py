"""Printing a built packet: each page rendered by PDFium at the printer's resolution (capped, so a
1200 dpi printer does not need half a gigabyte per page) and drawn onto the printer's painter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from waystation.errors import StorageFailure
from waystation.i18n import _, ngettext
from waystation.ui.pages.packet_preview import opened, page_image

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


def print_packet(printer: QPrinter, pdf: bytes, password: str | None) -> int:
    """Print the pages chosen on ``printer``; the number printed. StorageFailure when the printer
    (or the PDF file it prints to) cannot be opened; InvalidInput when the packet is unreadable."""
    with opened(pdf, password) as document:
        pages = chosen_pages(printer, len(document))
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise StorageFailure(_("The printer could not be started; nothing was printed."))
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            area = QRect(0, 0, printer.width(), printer.height())
            for number, index in enumerate(pages):
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
        finally:
            painter.end()
    return len(pages)
