"""The part of the checklists that keeps a changed state, date or note from being lost: the
questions when the person moves on, filters that keep the step being edited in the detail pane,
and the save when the vault locks. Mixed into ``ChecklistsPage``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTreeView

from waystation.i18n import _
from waystation.ui.pages.checklist_model import TITLE, ChecklistModel, StepFilter
from waystation.ui.pages.step_detail import StepDetail
from waystation.ui.widgets.ask import Leaving, save_discard_cancel
from waystation.vault.models import StepProgress

if TYPE_CHECKING:
    from waystation.ui.session import Session


class UnsavedProgress:
    session: Session
    detail: StepDetail
    view: QTreeView
    model: ChecklistModel
    filter: StepFilter
    progress: dict[str, StepProgress]
    _restoring: bool
    _quiet: bool

    def focus_item(self, step_id: str, *, focus: bool = True, show: bool = True) -> None:
        raise NotImplementedError

    def step_is_dirty(self) -> bool:
        return self.session.is_open and bool(self.detail.step_id) and self.detail.editor.dirty

    def _save_edited(self) -> bool:
        self.detail.editor.request_save()
        return not self.detail.editor.dirty

    def _discard_edited(self) -> None:
        self.detail.editor.show_progress(self.progress.get(self.detail.step_id), self.session.today())

    def _save_before_lock(self) -> None:
        """Valid edits are kept when the vault locks (no question); others are dropped."""
        if self.step_is_dirty():
            self._quiet = True
            try:
                self._save_edited()
            finally:
                self._quiet = False

    def _ask_leaving(self) -> Leaving:
        title = self.detail.heading.text()
        return save_discard_cancel(
            self.detail,
            _("Unsaved progress"),
            _(
                "You changed the state, date or note of \u201c{step}\u201d and did not save it. Save it?"
            ).format(step=title),
        )

    def _restore_edited(self) -> None:
        """Back to the step being edited, with the edits as they were."""
        self._restoring = True
        try:
            self.focus_item(self.detail.step_id, focus=False, show=False)
        finally:
            self._restoring = False

    def _change_filter(self, change: Callable[[], None]) -> None:
        """A filter is no move: the step being edited stays in the detail pane, selected in the
        list while the filter shows it."""
        editing = self.step_is_dirty()
        self._restoring = self._restoring or editing
        try:
            change()
        finally:
            self._restoring = False
        if editing:
            proxy = self.filter.mapFromSource(self.model.index(self.model.row_of(self.detail.step_id), TITLE))
            self._restoring = True
            try:
                if proxy.isValid():
                    self.view.setCurrentIndex(proxy)
                else:
                    self.view.selectionModel().clear()
            finally:
                self._restoring = False
