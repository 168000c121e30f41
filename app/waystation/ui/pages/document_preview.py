"""A larger look at one document, in a window of its own. The picture is decoded on a worker
(ui/pages/document_pictures.py, at most PREVIEW_SIZE pixels a side) and scaled to the window here;
for a PDF the window says what it is and how many pages it has."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from waystation.i18n import _
from waystation.ui.pages.base import plain_label
from waystation.ui.widgets.thumbnail import thumbnail_from_image

PREVIEW_SIZE = 2400


class PreviewDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.resize(820, 680)
        self._image: QImage | None = None
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(200, 200)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.caption = plain_label("", self, wrap=True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.caption)
        layout.addWidget(buttons)

    def show_loading(self, title: str) -> None:
        """The window at once, with its title; the picture follows (``show_picture``)."""
        self._image = None
        self.setWindowTitle(title)
        self.picture.clear()
        self.picture.setText(_("Opening the document…"))
        self.caption.clear()
        self.picture.setAccessibleName(title)

    def show_picture(self, image: QImage | None, mime: str, description: str) -> None:
        self.picture.setText("")
        self.caption.setText(description)
        self._image = image
        if self._image is None:
            self.picture.setPixmap(thumbnail_from_image(None, mime, 128))
            if mime == "application/pdf":
                self.caption.setText(
                    "\n".join((description, _("Export the document to see its pages in a PDF viewer.")))
                )
        else:
            self._fit()

    def _fit(self) -> None:
        if self._image is None:
            return
        size = self.picture.size()
        scaled = self._image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.picture.setPixmap(QPixmap.fromImage(scaled))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit()

    def forget(self) -> None:
        """Drop the picture (the vault was locked) and close."""
        self._image = None
        self.picture.clear()
        self.caption.clear()
        self.picture.setAccessibleName("")
        self.setWindowTitle("")
        self.reject()
