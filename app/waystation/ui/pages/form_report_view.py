"""The check report beside the form's page: a summary line and one line per field to look at;
choosing a line shows that field. Texts quote the form's labels and the person's values, so
they are plain text, and they are dropped when the vault locks."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QVBoxLayout, QWidget

from waystation.forms.report import CheckReport
from waystation.i18n import _
from waystation.ui.pages.base import plain_label

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class ReportView(QWidget):
    chosen = Signal(str)  # the field a line is about

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = plain_label("", self)
        self.heading.setObjectName("caption")
        self.summary = plain_label("", self, wrap=True)
        self.model = QStandardItemModel(self)
        self.lines = QListView(self)
        self.lines.setModel(self.model)
        self.lines.setWordWrap(True)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setMinimumHeight(90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines, 1)
        self.lines.activated.connect(self._activated)
        self.lines.clicked.connect(self._activated)
        self.report: CheckReport | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(_("Check before handing it in"))
        self.lines.setAccessibleName(_("Fields to check"))
        if self.report is not None:
            self.show_report(self.report)

    def show_report(self, report: CheckReport) -> None:
        self.report = report
        self.summary.setText(report.summary())
        self.model.clear()
        for finding in report.sorted():
            item = QStandardItem(finding.message())
            item.setData(finding.field, NAME_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)

    def clear(self) -> None:
        self.report = None
        self.summary.clear()
        self.model.clear()

    def _activated(self, index: QModelIndex) -> None:
        self.chosen.emit(str(index.data(NAME_ROLE)))

    def texts(self) -> list[str]:
        return [str(self.model.item(row).text()) for row in range(self.model.rowCount())]
