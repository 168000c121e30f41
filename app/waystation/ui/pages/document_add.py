"""The add dialog: for each file chosen or dropped, its picture, and what it is — kind (guessed from
the file name), the passport of the profile it shows, title, dates — asked at once, before anything
is stored. Several files are listed on the left; each keeps its own answers. Nothing is stored
until "Add"; Cancel after a change asks first, so answers are never lost by a slip of the key."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from waystation.i18n import _, ngettext
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.document_details import PICTURE_SIZE, size_text
from waystation.ui.pages.document_fields import DocumentFields, DocumentValues
from waystation.ui.pages.document_import import Addition, ReadFile
from waystation.ui.pages.vocabulary import document_kind_name
from waystation.ui.widgets.ask import confirm
from waystation.ui.widgets.fields import hint_label
from waystation.ui.widgets.thumbnail import thumbnail_from_image
from waystation.vault.kind_guess import guess_kind, guess_passport
from waystation.vault.models import Passport

LIST_ICON = 48
LIST_WIDTH = 200
ANSWERS_WIDTH = 340
Confirm = Callable[[str, str, str], bool]  # title, question, the verb on the button


def first_guess(file: ReadFile, passports: Sequence[Passport]) -> tuple[DocumentValues, bool]:
    """The answers the dialog starts from, and whether the kind was guessed from the name."""
    kind = guess_kind(file.path.name)
    passport = guess_passport(file.path.name, passports) if kind == "passport" else None
    values = DocumentValues(
        kind=kind or "other",
        title=file.path.stem,
        passport_number=passport.number if passport is not None else None,
    )
    return values, kind is not None


class FilePage(QWidget):
    """One file of the dialog: its picture and what is known about it."""

    def __init__(self, file: ReadFile, passports: Sequence[Passport], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file = file
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setPixmap(thumbnail_from_image(file.picture, file.mime, PICTURE_SIZE))
        self.picture.setFixedSize(PICTURE_SIZE, PICTURE_SIZE)
        self.name = plain_label(file.path.name, self, wrap=True)
        self.name.setObjectName("subheading")
        self.facts = hint_label(" · ".join(t for t in (size_text(file.size), file.description) if t), self)
        self.guess_note = hint_label("", self)
        self.fields = DocumentFields(self)
        self.fields.set_passports(passports)
        self.first, self.guessed = first_guess(file, passports)
        self.fields.show_values(self.first)
        self.initial = self.fields.values()  # as shown: a linked passport brings its dates
        self._build()
        self.retranslate()

    def _build(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.picture)
        left.addStretch(1)
        answers = QWidget(self)
        right = QVBoxLayout(answers)
        right.setContentsMargins(0, 0, 4, 0)
        right.setSpacing(8)
        right.addWidget(self.name)
        right.addWidget(self.facts)
        right.addWidget(self.guess_note)
        right.addWidget(self.fields)
        right.addStretch(1)
        scroll = QScrollArea(self)  # wrapped notes get the height they need; small screens scroll
        scroll.setWidget(answers)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(ANSWERS_WIDTH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addLayout(left)
        layout.addWidget(scroll, 1)
        self.setFocusProxy(self.fields.kind)

    def changed(self) -> bool:
        """Whether the person changed any answer (then closing asks first)."""
        return self.fields.values() != self.initial

    def forget(self) -> None:
        for label in (self.picture, self.name, self.facts, self.guess_note):
            label.clear()
        self.picture.setAccessibleName("")
        self.fields.clear()

    def retranslate(self) -> None:
        self.fields.retranslate()
        self.picture.setAccessibleName(_("Picture of {name}").format(name=self.file.path.name))
        if self.guessed:
            self.guess_note.setText(
                _("The kind was guessed from the file name ({kind}); change it if it is wrong.").format(
                    kind=document_kind_name(self.first.kind)
                )
            )
        else:
            self.guess_note.setText(_("Choose what this document is."))


class AddDocumentsDialog(QDialog):
    """``additions()`` holds the answers once the dialog was accepted."""

    def __init__(
        self, files: Sequence[ReadFile], passports: Sequence[Passport], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.files = tuple(files)
        self.confirm: Confirm = lambda title, text, action: confirm(self, title, text, action)
        self._focused = False
        self.intro = plain_label("", self, wrap=True)
        self.list = QListWidget(self)
        self.list.setIconSize(QSize(LIST_ICON, LIST_ICON))
        self.list.setFixedWidth(LIST_WIDTH)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget(self)
        for file in self.files:
            page = FilePage(file, passports, self.pages)
            self.pages.addWidget(page)
            item = QListWidgetItem(
                QIcon(thumbnail_from_image(file.picture, file.mime, LIST_ICON)), file.path.name
            )
            self.list.addItem(item)
        self.list.setVisible(len(self.files) > 1)
        self.list.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.buttons = QDialogButtonBox(self)
        self.add_button = QPushButton("", self)
        self.add_button.setDefault(True)
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build()
        self.list.setCurrentRow(0)
        self.retranslate()
        self._fit_screen()

    def _fit_screen(self) -> None:
        """Large enough for the answers, never larger than the screen (800×600 included)."""
        wanted = QSize(
            PICTURE_SIZE + ANSWERS_WIDTH + 80 + (LIST_WIDTH + 16 if len(self.files) > 1 else 0),
            PICTURE_SIZE + 200,
        )
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(wanted.width(), screen.width() - 40), min(wanted.height(), screen.height() - 80))

    def _build(self) -> None:
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.list)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

    def page(self, row: int) -> FilePage:
        page = self.pages.widget(row)
        assert isinstance(page, FilePage)
        return page

    def file_pages(self) -> list[FilePage]:
        return [self.page(row) for row in range(self.pages.count())]

    def additions(self) -> list[Addition]:
        """Every file with its answers; empty while one of them has a problem."""
        result = []
        for page in self.file_pages():
            values = page.fields.values()
            if values is None:
                return []
            result.append(Addition(page.file, values))
        return result

    def accept(self) -> None:
        for row, page in enumerate(self.file_pages()):
            field = page.fields.problem_field()
            if field is not None:  # show the file with the problem, and put the cursor there
                self.list.setCurrentRow(row)
                field.setFocus()
                return
        super().accept()

    def reject(self) -> None:
        if any(page.changed() for page in self.file_pages()) and not self.confirm(
            _("Add nothing?"),
            _("The kinds and dates you chose will be lost. The files themselves stay where they are."),
            _("Add nothing"),
        ):
            return
        super().reject()

    def discard(self) -> None:
        """Close without asking and forget every picture and answer (the vault locked)."""
        for page in self.file_pages():
            page.forget()
        self.list.clear()
        QDialog.reject(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._focused:  # the list of files when there are several, else the kind
            self._focused = True
            (self.list if len(self.files) > 1 else self.page(0)).setFocus()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        count = len(self.files)
        self.setWindowTitle(ngettext("Add a document", "Add {n} documents", count).format(n=count))
        self.add_button.setText(ngettext("&Add the document", "&Add {n} documents", count).format(n=count))
        self.list.setAccessibleName(_("Files to add"))
        if count > 1:
            self.intro.setText(
                _("Say what each file is: choose a file in the list to see it and its answers.")
            )
        else:
            self.intro.setText(_("Say what this file is. Nothing is stored until you add it."))
        for page in self.file_pages():
            page.retranslate()
