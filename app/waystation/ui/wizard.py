"""The first-run wizard, shown once after a vault is created: host country, arrival and address,
purposes, names, the passport (citizenship, birth, the passport's details), family. Every page
can finish: the rest waits for the profile. Finishing validates the whole profile first and writes it in one go (the
arrival becomes the first, open entry); closing it ("Later", Escape or the window's close button)
with answers given asks first: save them, discard them, or go on answering. Locking the vault
closes it without a question, saving the answers if they are valid (as every screen does)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QWidget, QWizard

from waystation.errors import WaystationError
from waystation.i18n import _
from waystation.rules.vault_status import PURPOSES_SETTING
from waystation.ui.session import Change, Session
from waystation.ui.widgets.ask import Leaving, save_discard_cancel
from waystation.ui.wizard_pages import HostPage, PurposesPage, WizardStep
from waystation.ui.wizard_passport import PassportPage
from waystation.ui.wizard_people import FamilyPage, NamesPage
from waystation.vault import profile_json


class FirstRunWizard(QWizard):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("first_run_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, True)
        self.host = HostPage(session.library, session.today(), self)
        self.purposes = PurposesPage(self)
        self.names = NamesPage(self)
        self.passport = PassportPage(session.today(), self)
        self.citizenship = self.passport.citizenship
        self.family = FamilyPage(self)
        self.steps: list[WizardStep] = [self.host, self.purposes, self.names, self.passport, self.family]
        for step in self.steps:
            step.setFinalPage(True)  # Finish works on every page: what is not answered waits
            self.addPage(step)
        self.ask_closing: Callable[[], Leaving] = self._ask_closing
        session.about_to_lock.connect(self._save_before_lock)
        session.locked.connect(self.forget_and_close)
        self.retranslate()
        self.resize(720, 520)

    # -- finishing -----------------------------------------------------------------------------

    def document(self) -> dict[str, Any]:
        """The profile document the answers make, on top of what the vault already holds."""
        document = profile_json.to_document(self.session.vault.profile.load())
        for step in self.steps:
            step.contribute(document)
        return document

    def accept(self) -> None:
        if self.save():
            super().accept()

    def save(self, *, quiet: bool = False) -> bool:
        """Validate every answer, then write the profile and the purposes; False changes nothing.
        ``quiet`` tells no other screen (the vault is about to lock)."""
        for step in self.steps:
            step.clear_problems()
        document = self.document()
        today = self.session.today()
        problems = profile_json.validate(document, today=today)
        if problems:
            self._show_problems(problems)
            return False
        try:
            profile = profile_json.from_document(document, today=today)
            self.session.vault.profile.replace(profile)
            if self.purposes.purposes():
                self.session.vault.settings.set(PURPOSES_SETTING, json.dumps(self.purposes.purposes()))
        except WaystationError as exc:
            self._show_problems([f"(profile): {exc.message}"])
            return False
        if not quiet:
            self.session.notify(Change.PROFILE)
        return True

    # -- closing ----------------------------------------------------------------------------

    def has_answers(self) -> bool:
        """Something was answered that is not in the vault yet."""
        if not self.session.is_open:
            return False
        stored = profile_json.to_document(self.session.vault.profile.load())
        return bool(self.purposes.purposes()) or self.document() != stored

    def reject(self) -> None:
        """ "Later", Escape and the close button: ask before answers are dropped."""
        if not self.has_answers():
            super().reject()
            return
        answer = self.ask_closing()
        if answer == "discard":
            super().reject()
        elif answer == "save" and self.save():
            QDialog.accept(self)

    def _ask_closing(self) -> Leaving:
        return save_discard_cancel(
            self,
            _("Close getting started?"),
            _("Save the answers you gave so far in your profile? You can change them there later."),
        )

    def _save_before_lock(self) -> None:
        if self.isVisible() and self.has_answers():
            self.save(quiet=True)

    def done(self, result: int) -> None:
        """Closed for good: a wizard waiting to be deleted no longer listens to the session."""
        for signal, slot in (
            (self.session.about_to_lock, self._save_before_lock),
            (self.session.locked, self.forget_and_close),
        ):
            with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
                signal.disconnect(slot)
        super().done(result)

    def _show_problems(self, problems: list[str]) -> None:
        """Each problem goes next to its field, and the wizard goes back to the first such page."""
        first: WizardStep | None = None
        for problem in problems:
            path, _sep, text = problem.partition(": ")
            for step in self.steps:
                label = step.owns(path)
                if label is not None:
                    step.show_problem(label, text)
                    first = first or step
                    break
            else:
                self.family.show_problem(self.family.general, problem)
                first = first or self.family
        target = self.pageIds()[self.steps.index(first)] if first else self.currentId()
        while self.currentId() > target:
            self.back()

    def forget(self) -> None:
        """Drop every answer from the widgets."""
        for step in self.steps:
            step.forget()

    def forget_and_close(self) -> None:
        """The vault was locked (valid answers were saved just before): drop every answer from
        the widgets and close without a question."""
        self.forget()
        super().reject()

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(_("Getting started"))
        self.setButtonText(QWizard.WizardButton.NextButton, _("&Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("&Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("&Later"))
        self.button(QWizard.WizardButton.CancelButton).setAccessibleDescription(
            _("Close this and fill in the profile later")
        )
        for step in self.steps:
            step.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
