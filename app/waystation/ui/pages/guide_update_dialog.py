""" "What changed": shown before a verified guide update is installed. Who signed it, then per
guide where it comes from and goes to, its stay-rule changes in plain words, and its steps added,
removed and changed (with a short diff of the text in the person's language). Nothing is
installed unless the person presses Install. Every text is plain text: a bundle is untrusted
input until the person accepts it, and even then it is shown as text, never as markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTextEdit, QVBoxLayout, QWidget

from waystation.i18n import _, current_language, format_date
from waystation.ui.pages.base import plain_label
from waystation.ui.widgets.fields import show_text
from waystation.updates.change_words import (
    guide_aspects_line,
    stay_rule_line,
    step_details,
    step_headline,
    summary_line,
)
from waystation.updates.install import GuidePlan, InstallPlan
from waystation.updates.origins import BUILT_IN


def _source_text(guide: GuidePlan) -> str:
    if guide.current is None:
        return _("new guide")
    checked = format_date(guide.current.last_verified)
    if guide.current_source == BUILT_IN:
        return _("built-in guide, checked {date}").format(date=checked)
    return _("update {version}, checked {date}").format(version=guide.current_version, date=checked)


class GuideUpdateDialog(QDialog):
    """Accepted: install. ``older`` carries the reason when the bundle is older than what is
    installed; the Install button then says so."""

    def __init__(self, plan: InstallPlan, parent: QWidget | None = None, *, older: str = "") -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(_("What this update changes"))
        self.intro = plain_label("", self, wrap=True)
        self.signer = plain_label("", self, wrap=True)
        self.older = plain_label(older, self, wrap=True)
        self.older.setObjectName("warning")
        show_text(self.older, older)
        self.changes = QTextEdit(self)  # filled with insertText: nothing in a bundle is read as markup
        self.changes.setReadOnly(True)
        self.changes.setAcceptRichText(False)
        self.changes.setAccessibleName(_("Changes per guide"))
        self.buttons = QDialogButtonBox(self)
        self.install_button = QPushButton(self)
        self.install_button.setDefault(True)
        self.buttons.addButton(self.install_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        for widget in (self.intro, self.signer, self.older):
            layout.addWidget(widget)
        layout.addWidget(self.changes, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 560)
        self.fill()

    def fill(self) -> None:
        plan, language = self.plan, current_language()
        bundle = plan.bundle
        self.intro.setText(
            _("Guide update {version} from {file}. Nothing is installed until you press Install.").format(
                version=bundle.manifest.version, file=bundle.path.name
            )
        )
        signer = bundle.signer
        self.signer.setText(
            _("Signed by {who} — key fingerprint {fingerprint}").format(
                who=signer.name or _("(nobody named)"), fingerprint=signer.fingerprint
            )
        )
        shown: list[tuple[int, str]] = []
        for guide in plan.guides:
            shown += self._guide_lines(guide, language)
        self._show(shown)
        pending = sum(1 for guide in plan.guides if not guide.unchanged)
        if self.older.text():
            self.install_button.setText(_("&Install the older guides"))
        else:
            self.install_button.setText(_("&Install"))
        self.install_button.setEnabled(pending > 0)

    def _show(self, lines: list[tuple[int, str]]) -> None:
        """One paragraph per line, indented by level (wrapped lines keep their indentation)."""
        self.changes.clear()
        cursor = QTextCursor(self.changes.document())
        for number, (level, text) in enumerate(lines):
            block = QTextBlockFormat()
            block.setIndent(level)
            block.setTopMargin(10 if level == 0 and number else 2)
            if number:
                cursor.insertBlock(block)
            else:
                cursor.setBlockFormat(block)
            cursor.insertText(text)
        self.changes.moveCursor(QTextCursor.MoveOperation.Start)

    def _guide_lines(self, guide: GuidePlan, language: str) -> list[tuple[int, str]]:
        name = guide.new.name.get(language)
        if guide.unchanged:
            return [(0, _("{name}: this update is installed already").format(name=name))]
        head = _("{name}: {before} → update, checked {date}").format(
            name=name, before=_source_text(guide), date=format_date(guide.new.last_verified)
        )
        lines = [(0, head), (1, summary_line(guide.changes))]
        lines += [(1, stay_rule_line(name, rule)) for rule in guide.changes.stay_rules]
        order = {"removed": 0, "changed": 1, "added": 2}
        for step in sorted(guide.changes.steps, key=lambda c: order[c.kind]):
            lines.append((1, step_headline(step, language)))
            lines += [(2, line) for line in step_details(step, language)]
        aspects = guide_aspects_line(guide.changes)
        if aspects:
            lines.append((1, aspects))
        return lines

    def lines(self) -> list[str]:
        """Every line shown (for tests)."""
        return [line for line in self.changes.toPlainText().splitlines() if line.strip()]
