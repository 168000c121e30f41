"""The host country's checklists: every step per track, in "what next" order, with a detail pane
to read it, record progress and attach the documents it needs.

A changed state, date or note is never lost silently: choosing another step, a track that hides
the step, or another screen asks whether to save it (save, discard, or stay where you are); a
filter or search that hides the step keeps it in the detail pane; locking saves it if it is valid
(``leaving``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from waystation.content.model import TRACKS, Pack
from waystation.errors import WaystationError
from waystation.i18n import _, current_language
from waystation.rules.plan import StepPlan
from waystation.ui.dialogs import FileDialogs
from waystation.ui.pages.base import Page, plain_label
from waystation.ui.pages.checklist_model import CHECKED, DUE, STATE, TITLE, ChecklistModel, StepFilter
from waystation.ui.pages.checklist_unsaved import UnsavedProgress
from waystation.ui.pages.leaving import LeaveGuard
from waystation.ui.pages.look import PAGE_STYLE
from waystation.ui.pages.step_detail import StepDetail
from waystation.ui.pages.vocabulary import state_name, track_name
from waystation.ui.session import Change, Session
from waystation.ui.widgets.ask import Leaving
from waystation.ui.widgets.fitting_tabs import FittingTabs
from waystation.ui.widgets.view_columns import drop_columns_when_narrow
from waystation.ui.widgets.wrap_delegate import WrapDelegate
from waystation.vault.models import STEP_STATES, StepProgress

NARROW_LIST = 560  # px: below it the list shows the steps' titles and due dates only

STATE_FILTERS: tuple[str | None, ...] = (None, "open", *STEP_STATES)


class ChecklistsPage(UnsavedProgress, Page):
    key = "checklists"
    icon_name = "checklists"

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, dialogs: FileDialogs | None = None
    ) -> None:
        super().__init__(session, parent, dialogs=dialogs)
        self.setStyleSheet(PAGE_STYLE)
        self.plans: dict[str, StepPlan] = {}
        self.progress: dict[str, StepProgress] = {}
        self.present: set[str] = set()
        self.model = ChecklistModel(self)
        self.filter = StepFilter(self)
        self.filter.setSourceModel(self.model)
        self.heading = plain_label("", self)
        self.heading.setObjectName("heading")
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("warning")
        self.profile_button = QPushButton(self)
        self.profile_button.clicked.connect(lambda: self.navigate.emit("profile", "host"))
        self.tracks = FittingTabs(self)  # a drop-down list when the tabs would not fit
        self.tracks.currentChanged.connect(self._track_chosen)
        self.state_filter = QComboBox(self)
        # as wide as a short state name: the search field beside it keeps room to type (800 px)
        self.state_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.state_filter.setMinimumContentsLength(12)
        for state in STATE_FILTERS:
            self.state_filter.addItem("", state)
        self.state_filter.currentIndexChanged.connect(
            lambda _i: self._change_filter(lambda: self.filter.set_state(self.state_filter.currentData()))
        )
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(
            lambda text: self._change_filter(lambda: self.filter.set_search(text))
        )
        self.view = self._build_view()
        self.detail = StepDetail(self)
        self.detail.save_requested.connect(self._save)
        self.detail.attach_requested.connect(self._attach)
        self.ask_leaving: Callable[[], Leaving] = self._ask_leaving
        self.leaving = LeaveGuard(
            self,
            dirty=self.step_is_dirty,
            save=self._save_edited,
            discard=self._discard_edited,
            ask=lambda: self.ask_leaving(),
        )
        self._track_index = 0
        self._restoring = False
        self._quiet = False
        session.about_to_lock.connect(self._save_before_lock)
        self._layout()
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.search.setFocus)
        self.retranslate()
        self.clear()

    def _build_view(self) -> QTreeView:
        view = QTreeView(self)
        view.setModel(self.filter)
        view.setItemDelegateForColumn(TITLE, WrapDelegate(view))
        view.setRootIsDecorated(False)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DUE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHECKED, QHeaderView.ResizeMode.ResizeToContents)
        # narrow (800 px): the step's title keeps the room; its state and check date are in the detail
        drop_columns_when_narrow(view, (STATE, CHECKED), below=NARROW_LIST)
        view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.filter.layoutChanged.connect(self._keep_selection_visible)
        self.filter.rowsRemoved.connect(self._keep_selection_visible)
        return view

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.state_filter)
        filters.addWidget(self.search, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([500, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.profile_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.tracks)
        layout.addWidget(self.splitter, 1)

    # -- Page ----------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Checklists")

    def refresh(self) -> None:
        selected = self.selected_step()
        keep = selected or (self.detail.step_id if self.step_is_dirty() else "")
        pack = self.session.host_pack()
        if pack is None:
            self.clear()
            self._show_message(_("Choose your host country in the profile to see its checklists."), True)
            return
        try:
            status = self.session.status()
        except WaystationError as exc:
            self.clear()
            self._show_message(exc.message, True)
            return
        assert status is not None
        self._show_message("", False)
        self.plans = {plan.step.id: plan for plan in status.plans}
        self.progress = self.session.vault.progress.all()
        self.present = {document.kind for document in self.session.vault.documents.list()}
        self._fill_tracks(pack)
        self.model.load(status.plans, current_language(), status.on)
        self._set_enabled(True)
        if keep in self.plans and not selected:
            self._show_step(keep)  # being edited, hidden by a filter: it stays in the detail pane
        elif keep in self.plans:
            self.focus_item(keep, focus=False)
        else:
            self._select_first()

    def clear(self) -> None:
        self.plans = {}
        self.progress = {}
        self.present = set()
        self.model.load([], current_language(), self.session.today())
        self.search.setText("")  # clear() would stay in the undo history
        self.detail.clear()
        self._show_message("", False)
        self._set_enabled(False)

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.model.retranslate()
        self.detail.retranslate()
        self.profile_button.setText(_("Open the &profile"))
        self.state_filter.setAccessibleName(_("Show steps in this state"))
        for index, state in enumerate(STATE_FILTERS):
            self.state_filter.setItemText(index, _state_filter_name(state))
        self.search.setPlaceholderText(_("Search the steps (Ctrl+F)"))
        self.search.setAccessibleName(_("Search the steps"))
        self.view.setAccessibleName(_("Steps"))
        self.tracks.setAccessibleName(_("Tracks"))
        for index in range(self.tracks.count()):
            self.tracks.setTabText(index, _track_tab_name(self.tracks.tabData(index)))
        if self.session.is_open and self.plans:
            self.refresh()

    # -- selection and navigation ---------------------------------------------------------------

    def selected_step(self) -> str:
        rows = self.view.selectionModel().selectedRows(TITLE)
        return self.model.step_id(self.filter.mapToSource(rows[0]).row()) if rows else ""

    def focus_item(self, step_id: str, *, focus: bool = True, show: bool = True) -> None:
        """Select ``step_id``, widening the filters if they hide it."""
        row = self.model.row_of(step_id)
        if row < 0:
            return
        proxy = self.filter.mapFromSource(self.model.index(row, TITLE))
        if not proxy.isValid():
            self.search.clear()
            self.state_filter.setCurrentIndex(0)
            self.tracks.setCurrentIndex(0)
            proxy = self.filter.mapFromSource(self.model.index(row, TITLE))
        self.view.setCurrentIndex(proxy)
        self.view.scrollTo(proxy)
        if show and self.selected_step() == step_id:  # not when the person chose to stay
            self._show_step(step_id)
        if focus:
            self.view.setFocus()

    def _select_first(self) -> None:
        first = self.filter.index(0, TITLE)
        if first.isValid():
            self.view.setCurrentIndex(first)
        else:
            self.detail.show_hint(_("No step matches the filter."))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        step_id = self.selected_step()
        if not step_id or self._restoring:
            return
        if step_id != self.detail.step_id and not self.leaving.may_leave():
            self._restore_edited()
            return
        self._show_step(step_id)

    def _keep_selection_visible(self, *_args: object) -> None:
        if not self.plans or self.step_is_dirty():
            return  # the step being edited stays in the detail pane while a filter hides it
        if not self.view.selectionModel().selectedRows(TITLE):
            self._select_first()

    def _show_step(self, step_id: str) -> None:
        plan = self.plans.get(step_id)
        if plan is None:
            return
        language = current_language()
        titles = {other_id: other.step.title.get(language) for other_id, other in self.plans.items()}
        self.detail.show_plan(
            plan,
            self.progress.get(step_id),
            present=self.present,
            titles=titles,
            today=self.session.today(),
            language=language,
        )

    def _track_chosen(self, index: int) -> None:
        data = self.tracks.tabData(index) if index >= 0 else None
        plan = self.plans.get(self.detail.step_id)
        hides_it = bool(data) and plan is not None and plan.step.track != data
        if hides_it and not self.leaving.may_leave():
            blocked = self.tracks.blockSignals(True)
            self.tracks.setCurrentIndex(self._track_index)
            self.tracks.blockSignals(blocked)
            return
        self._track_index = index
        self._change_filter(lambda: self.filter.set_track(str(data) if data else None))

    def _fill_tracks(self, pack: Pack) -> None:
        wanted: list[str | None] = [None, *(t for t in TRACKS if pack.steps_in(t))]
        current = [self.tracks.tabData(i) for i in range(self.tracks.count())]
        if current == wanted:
            return
        self.tracks.blockSignals(True)
        while self.tracks.count():
            self.tracks.removeTab(0)
        for track in wanted:
            self.tracks.setTabData(self.tracks.addTab(_track_tab_name(track)), track)
        self.tracks.setCurrentIndex(0)
        self._track_index = 0
        self.tracks.blockSignals(False)
        self.filter.set_track(None)

    # -- writing ---------------------------------------------------------------------------------

    def _save(self, step_id: str, state: str, on: object, note: str) -> None:
        assert on is None or isinstance(on, date)
        try:
            self.session.vault.progress.set(step_id, state, on, note)
        except WaystationError as exc:
            self.detail.editor.show_error(exc.message)
            return
        self.progress = self.session.vault.progress.all()
        self.detail.editor.show_progress(self.progress.get(step_id), self.session.today())
        if not self._quiet:
            self.session.notify(Change.PROGRESS)
        self.detail.editor.show_saved()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        self.leaving.watch()
        super().showEvent(event)

    def _attach(self, kind: str) -> None:
        added = 0
        problem = ""
        for path in self.dialogs.open_documents(self):
            try:
                self._add_document(path, kind)
                added += 1
            except WaystationError as exc:
                problem = exc.message
                break
        if added:
            self.session.notify(Change.DOCUMENTS)
        if problem:
            self._show_message(problem, False)

    def _add_document(self, path: Path, kind: str) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise WaystationError(
                _("{name} cannot be read: {error}").format(name=path.name, error=exc.strerror)
            ) from None
        self.session.vault.documents.add(data, kind=kind, original_name=path.name, added=self.session.today())

    # -- look ------------------------------------------------------------------------------------

    def _show_message(self, text: str, needs_profile: bool) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.profile_button.setVisible(needs_profile)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.tracks, self.state_filter, self.search, self.splitter):
            widget.setVisible(enabled)


def _state_filter_name(state: str | None) -> str:
    if state is None:
        return _("All states")
    if state == "open":
        return _("Open (to do or in progress)")
    return state_name(state)


def _track_tab_name(track: object) -> str:
    return track_name(str(track)) if track else _("All tracks")
