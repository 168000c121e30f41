"""One step in full: what to do, the person's progress on it, documents, cautions, contacts and
sources with their dates."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from waystation.i18n import _
from waystation.rules.plan import StepPlan
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.step_sections import DocumentRows, LinkRows, RowList, UrlOpener
from waystation.ui.pages.step_state import StepStateEditor
from waystation.ui.pages.vocabulary import checked_text, due_text, state_name, track_name
from waystation.vault.models import StepProgress


class StepDetail(QScrollArea):
    save_requested = Signal(str, str, object, str)  # step id, state, date or None, note
    attach_requested = Signal(str)  # document kind

    def __init__(self, parent: QWidget | None = None, *, opener: UrlOpener | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        self.step_id = ""
        self.heading = self._label(body, "subheading")
        self.meta = self._label(body, "meta")
        self.applies = self._label(body, "warning")
        self.text = self._label(body, "")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.editor = StepStateEditor(body)
        self.editor.save_requested.connect(self._save)
        self.documents = DocumentRows(body)
        self.documents.attach_requested.connect(self.attach_requested)
        self.cautions = RowList(body)
        self.contacts = LinkRows(body, opener=opener)
        self.sources = LinkRows(body, opener=opener)
        self.verified = self._label(body, "meta")
        self.titles = {
            name: self._label(body, "caption")
            for name in ("progress", "documents", "cautions", "contacts", "sources")
        }
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 4, 20, 20)
        layout.setSpacing(10)
        for label in (self.heading, self.meta, self.applies, self.text):
            layout.addWidget(label)
        sections: list[tuple[str, QWidget]] = [
            ("progress", self.editor),
            ("documents", self.documents),
            ("cautions", self.cautions),
            ("contacts", self.contacts),
            ("sources", self.sources),
        ]
        for name, widget in sections:
            layout.addSpacing(8)
            layout.addWidget(self.titles[name])
            layout.addWidget(widget)
        layout.addWidget(self.verified)
        layout.addStretch(1)
        self.setWidget(body)
        self.retranslate()
        self.clear()

    @staticmethod
    def _label(parent: QWidget, name: str) -> QLabel:
        label = plain_label("", parent, wrap=True)
        label.setObjectName(name)
        return label

    def show_plan(
        self,
        plan: StepPlan,
        progress: StepProgress | None,
        *,
        present: Collection[str],
        titles: Mapping[str, str],
        today: date,
        language: str,
    ) -> None:
        """``titles`` maps step ids to titles (to name the steps this one waits for)."""
        step = plan.step
        same_step = step.id == self.step_id
        self.step_id = step.id
        self.heading.setText(step.title.get(language))
        meta = [track_name(step.track), state_name(plan.state), due_text(plan.due, plan.overdue)]
        self.meta.setText(" · ".join(part for part in meta if part))
        self.applies.setText(_applies_text(plan, titles, language))
        self.applies.setVisible(bool(self.applies.text()))
        self.text.setText(step.body.get(language))
        if not (same_step and self.editor.dirty):
            self.editor.show_progress(progress, today)
        self.documents.show_needs(step.documents, present, language)
        self.cautions.clear_rows()
        for caution in step.cautions:
            label = self._label(self.cautions, "warning")
            label.setText(caution.get(language))
            self.cautions.add(label)
        self.contacts.show_contacts(step.contacts, language)
        self.sources.show_sources(step.sources)
        self.verified.setText(
            "" if step.generated else checked_text(step.last_verified, today, stale=plan.stale)
        )
        self.verified.setObjectName("warning" if plan.stale else "meta")
        self.verified.style().polish(self.verified)
        self._show_sections(True)
        for name, rows in (
            ("documents", self.documents),
            ("cautions", self.cautions),
            ("contacts", self.contacts),
        ):
            self.titles[name].setVisible(bool(rows.rows))

    def _show_sections(self, visible: bool) -> None:
        for widget in (self.editor, self.verified, *self.titles.values()):
            widget.setVisible(visible)

    def clear(self) -> None:
        self.step_id = ""
        for label in (self.heading, self.meta, self.applies, self.text, self.verified):
            label.clear()
        self.applies.setVisible(False)
        self.editor.clear()
        for rows in (self.documents, self.cautions, self.contacts, self.sources):
            rows.clear_rows()
        self._show_sections(False)

    def show_hint(self, text: str) -> None:
        """Nothing is selected: a sentence saying what to do."""
        self.clear()
        self.text.setText(text)

    def retranslate(self) -> None:
        self.editor.retranslate()
        self.titles["progress"].setText(_("Your progress"))
        self.titles["documents"].setText(_("Documents you need"))
        self.titles["cautions"].setText(_("Be careful"))
        self.titles["contacts"].setText(_("Who can help"))
        self.titles["sources"].setText(_("Sources"))

    def _save(self, state: str, on: object, note: str) -> None:
        if self.step_id:
            self.save_requested.emit(self.step_id, state, on, note)


def _applies_text(plan: StepPlan, titles: Mapping[str, str], language: str) -> str:
    parts = []
    if plan.applies is False:
        parts.append(_("This step does not apply to you, going by your profile."))
    elif plan.applies is None:
        condition = plan.step.conditions.text
        parts.append(
            _("This step may apply to you: {condition}").format(condition=condition.get(language))
            if condition
            else _("This step may apply to you.")
        )
    if plan.blocked_by:
        names = ", ".join(titles.get(step_id, step_id) for step_id in plan.blocked_by)
        parts.append(_("Do this first: {steps}").format(steps=names))
    return "\n".join(parts)
