"""F1: a short help with the keyboard shortcuts; and the About box (version, licence, the promise
never to use the network, and where the threat model is written down).

Every text here is plain text (translations are untrusted too). The one link — to the threat
model — is a local file path, never a web address: the app opens no connection."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from waystation import __version__
from waystation.i18n import _, current_language
from waystation.resources_path import data_dir
from waystation.ui.about_details import BuildDetails
from waystation.ui.keyboard import QUICK_EXIT_KEYS
from waystation.ui.navigation import screen_shortcut
from waystation.ui.pages.base import plain_label

LICENCE = "GNU GPL v3.0+"
THREAT_MODEL = "threat-model"


def _keys(sequence: QKeySequence | str) -> str:
    keys = sequence if isinstance(sequence, QKeySequence) else QKeySequence(sequence)
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_rows(screens: list[str]) -> list[tuple[str, str]]:
    """(keys, what they do), in the order the help shows them."""
    rows: list[tuple[str, str]] = []
    if screens:
        for row, title in enumerate(screens):
            keys = _keys(screen_shortcut(row))
            if keys:
                rows.append((keys, _("Open the screen “{screen}”").format(screen=title)))
    else:
        rows.append(
            (
                _("{first} … {last}").format(first=_keys("Ctrl+1"), last=_keys("Ctrl+7")),
                _("Open the screens in the order of the list on the left (once a vault is open)"),
            )
        )
    rows += [
        (_keys("F6"), _("Move between the list of screens and the screen itself")),
        (_keys("Shift+F6"), _("The same, backwards")),
        (_("Tab, Shift+Tab"), _("Move to the next or the previous control")),
        (_("Alt + underlined letter"), _("Go to the control with that letter")),
        (_("Enter"), _("Press the form's main button (shown in bold)")),
        (_("Esc"), _("Close a dialog without changing anything")),
        (_keys("Ctrl+L"), _("Lock the vault")),
        (_keys(QUICK_EXIT_KEYS), _("Quick exit: lock the vault and close the app at once")),
        (_keys("F1"), _("This help")),
    ]
    return rows


class HelpDialog(QDialog):
    def __init__(self, screens: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        intro = plain_label(
            _(
                "Everything in Waystation can be done with the keyboard. The vault locks itself "
                "after the minutes set in Settings without use."
            ),
            self,
            wrap=True,
        )
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        self.rows = shortcut_rows(screens)
        for row, (keys, what) in enumerate(self.rows):
            key_label = plain_label(keys, self)
            key_label.setObjectName("strong")
            grid.addWidget(key_label, row, 0)
            grid.addWidget(plain_label(what, self, wrap=True), row, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(560, max(420, self.sizeHint().width())))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        # the height the wrapped rows need at the width they got, in the fonts of the style
        self.resize(self.width(), max(self.height(), self.heightForWidth(self.width())))


def threat_model_path(language: str | None = None) -> Path | None:
    """docs/threat-model(.<language>).md where this installation has the docs; else None."""
    try:
        folder = data_dir("docs")
    except FileNotFoundError:
        return None
    language = language or current_language()
    for name in (f"{THREAT_MODEL}.{language}.md", f"{THREAT_MODEL}.md"):
        if (folder / name).is_file():
            return folder / name
    return folder / f"{THREAT_MODEL}.md"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About Waystation"))
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)  # on a small screen the build details scroll, nothing is squeezed
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        title = plain_label(_("Waystation {version}").format(version=__version__), self)
        title.setObjectName("subheading")
        layout.addWidget(title)
        texts = [
            _(
                "Your papers, deadlines and steps in a new country, kept in an encrypted vault on "
                "this computer."
            ),
            _(
                "Waystation never uses the network: it opens no connection of any kind, so nothing "
                "about you can leave this computer through it."
            ),
            _("Licence: {licence}. Free software: you may use, study, share and change it.").format(
                licence=LICENCE
            ),
            _("What Waystation protects you against, and what it cannot, is written in the threat model:"),
        ]
        for text in texts:
            layout.addWidget(plain_label(text, self, wrap=True))
        self.threat_model = threat_model_path()
        self.link = self._link(self.threat_model)
        layout.addWidget(self.link)
        self.details = BuildDetails(self)  # version, build, Qt/PySide6/SQLCipher/Python, places
        layout.addWidget(self.details)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.setMinimumWidth(460)
        self.resize(560, min(body.sizeHint().height() + 80, 640))

    def _link(self, path: Path | None) -> QLabel:
        """The threat model's path as a link (only the path is rich text, escaped); plain text
        where this installation carries no docs folder."""
        shown = f"docs/{path.name}" if path is not None else f"docs/{THREAT_MODEL}.md"
        if path is None:
            return plain_label(shown, self)
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        url = QUrl.fromLocalFile(str(path))
        label.setText(f'<a href="{html.escape(url.toString())}">{html.escape(shown)}</a>')
        label.setToolTip(str(path))
        label.setOpenExternalLinks(False)
        label.linkActivated.connect(lambda _href: QDesktopServices.openUrl(url))
        return label
