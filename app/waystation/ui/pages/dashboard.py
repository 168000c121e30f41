"""The first screen after unlocking: how long the person may stay, what to do next, what is due
in the coming weeks and which documents run out. Every row leads to its place (``navigate``)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QScrollArea, QVBoxLayout, QWidget

from waystation.content.model import Pack
from waystation.errors import WaystationError
from waystation.i18n import _, current_language, format_date, ngettext
from waystation.rules.expiry import ExpiryWarning
from waystation.rules.plan import StepPlan
from waystation.rules.status import Status
from waystation.ui.dialogs import FileDialogs
from waystation.ui.pages.base import Page, plain_label
from waystation.ui.pages.dashboard_stay import StayCard
from waystation.ui.pages.guide_news_notice import GuideNewsNotice
from waystation.ui.pages.look import PAGE_STYLE
from waystation.ui.pages.stay_view import stay_view
from waystation.ui.pages.trip_dialog import TripDialog
from waystation.ui.pages.vocabulary import document_kind_name, due_text
from waystation.ui.session import Session
from waystation.ui.widgets.link_list import LinkList

NEXT_STEPS = 3
HORIZON_DAYS = 30


class Section(QWidget):
    """A heading, a list of links, and a calm sentence when the list is empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = plain_label("", self)
        self.heading.setObjectName("subheading")
        self.links = LinkList(self)
        self.empty = plain_label("", self, wrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.links)
        layout.addWidget(self.empty)

    def set_texts(self, heading: str, empty: str) -> None:
        self.heading.setText(heading)
        self.empty.setText(empty)
        self.links.setAccessibleName(heading)

    def finish(self) -> None:
        """Show the empty sentence instead of an empty list."""
        has_rows = self.links.count() > 0
        self.links.setVisible(has_rows)
        self.empty.setVisible(not has_rows)


class DashboardPage(Page):
    key = "dashboard"
    icon_name = "dashboard"

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, dialogs: FileDialogs | None = None
    ) -> None:
        super().__init__(session, parent, dialogs=dialogs)
        self.setStyleSheet(PAGE_STYLE)
        self.heading = plain_label("", self)
        self.heading.setObjectName("heading")
        self.where = plain_label("", self, wrap=True)
        self.coverage = plain_label("", self, wrap=True)  # a partial guide says what it lacks
        self.coverage.setObjectName("warning")
        self.welcome = self._build_welcome()
        self.overview = self._build_overview()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(self.heading)
        layout.addWidget(self.where)
        layout.addWidget(self.coverage)
        layout.addWidget(self.welcome)
        layout.addWidget(self.overview)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate_static()
        self.clear()

    def _build_welcome(self) -> QWidget:
        welcome = QWidget(self)
        self.welcome_text = plain_label("", welcome, wrap=True)
        self.welcome_button = QPushButton(welcome)
        self.welcome_button.setDefault(True)
        self.welcome_button.clicked.connect(lambda: self.navigate.emit("profile", "host"))
        layout = QVBoxLayout(welcome)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.welcome_text)
        layout.addWidget(self.welcome_button, 0, Qt.AlignmentFlag.AlignLeft)
        return welcome

    def _build_overview(self) -> QWidget:
        overview = QWidget(self)
        self.stay_card = StayCard(overview)
        self.stay_card.profile_requested.connect(lambda section: self.navigate.emit("profile", section))
        self.stay_card.trip_requested.connect(self.plan_trip)
        self.trip_dialog: TripDialog | None = None
        self.problem = plain_label("", overview, wrap=True)
        self.problem.setObjectName("warning")
        self.problem_button = QPushButton(overview)
        self.problem_button.clicked.connect(lambda: self.navigate.emit("profile", "stays"))
        self.next_steps = Section(overview)
        self.deadlines = Section(overview)
        self.expiring = Section(overview)
        layout = QVBoxLayout(overview)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(22)
        self.guide_news = GuideNewsNotice(self.session, overview)  # once, after a guide changed
        self.guide_news.links.chosen.connect(self.navigate)
        layout.addWidget(self.guide_news)
        layout.addWidget(self.problem)
        layout.addWidget(self.problem_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.stay_card)
        for section in (self.next_steps, self.deadlines, self.expiring):
            section.links.chosen.connect(self.navigate)
            layout.addWidget(section)
        return overview

    # -- Page ----------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Overview")

    def refresh(self) -> None:
        self.clear()
        profile = self.session.vault.profile.load()
        country = profile.host.country
        pack = self.session.library.get(country) if country else None
        if pack is None:
            self._show_welcome(country)
            return
        self._show_overview(True)
        self.where.setVisible(True)
        self.where.setText(
            _("{country} · today is {date}").format(
                country=pack.name.get(current_language()), date=format_date(self.session.today(), "long")
            )
        )
        self._show_coverage(pack)
        try:
            status = self.session.status()
        except WaystationError as exc:
            self._show_problem(exc.message)
            return
        if status is not None:
            self.stay_card.show_view(stay_view(status, pack, profile.stays, profile.host.arrival_date))
            self.stay_card.setVisible(True)
            self._fill_lists(status, pack)
            self.guide_news.refresh_for(status, pack)

    def plan_trip(self) -> None:
        """Open the trip planner for the host country (one at a time; closed on lock)."""
        pack = self.session.host_pack()
        if pack is None:
            return
        if self.trip_dialog is not None:
            self.trip_dialog.close()
        self.trip_dialog = TripDialog(pack, self.session.vault.profile.load(), self.session.today(), self)
        self.trip_dialog.show()

    def clear(self) -> None:
        if self.trip_dialog is not None:
            self.trip_dialog.close()
            self.trip_dialog.deleteLater()
            self.trip_dialog = None
        self.where.clear()
        self.where.setVisible(False)
        self.coverage.clear()
        self.coverage.setVisible(False)
        self.welcome_text.clear()
        self.problem.clear()
        self.problem.setVisible(False)
        self.problem_button.setVisible(False)
        self.stay_card.clear()
        for section in (self.next_steps, self.deadlines, self.expiring):
            section.links.clear()
            section.finish()
        self._show_overview(True)

    def retranslate(self) -> None:
        self.retranslate_static()
        self.stay_card.retranslate()
        if self.session.is_open and self.isVisible():
            self.refresh()

    def retranslate_static(self) -> None:
        self.heading.setText(self.title())
        self.welcome_button.setText(_("Open the &profile"))
        self.problem_button.setText(_("Correct the &stays in the profile"))
        self.welcome_button.setAccessibleDescription(_("Choose your host country and arrival date"))
        self.next_steps.set_texts(_("Next steps"), _("Nothing is waiting for you right now."))
        self.deadlines.set_texts(_("Deadlines in the next 30 days"), _("No deadlines in the next 30 days."))
        self.expiring.set_texts(_("Documents expiring"), _("No document expires soon."))

    # -- filling -------------------------------------------------------------------------------

    def _show_overview(self, overview: bool) -> None:
        self.overview.setVisible(overview)
        self.welcome.setVisible(not overview)

    def _show_coverage(self, pack: Pack) -> None:
        coverage = pack.coverage
        if not coverage.partial:
            self.coverage.setVisible(False)
            return
        missing = coverage.missing.get(current_language()) if coverage.missing is not None else ""
        self.coverage.setText(
            _("This guide is partial: it does not cover everything. {missing}")
            .format(missing=missing)
            .strip()
        )
        self.coverage.setVisible(True)

    def _show_welcome(self, country: str | None) -> None:
        self._show_overview(False)
        if not country:
            self.welcome_text.setText(
                _(
                    "Welcome. Tell Waystation which country you are in and when you arrived, and it "
                    "will count your days of legal stay and show you what to do next."
                )
            )
            return
        self.welcome_text.setText(
            _(
                "There is no country guide for {country} yet; guides exist for: {countries}. Your "
                "profile and documents are still kept safe here."
            ).format(country=country, countries=", ".join(self._guide_names()))
        )

    def _guide_names(self) -> list[str]:
        language = current_language()
        packs = (self.session.library.get(code) for code in self.session.library.countries())
        return sorted(pack.name.get(language) for pack in packs if pack is not None)

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(True)
        self.problem_button.setVisible(True)
        self.stay_card.setVisible(False)
        self.next_steps.finish()
        self.deadlines.finish()
        self.expiring.finish()

    def _fill_lists(self, status: Status, pack: Pack) -> None:
        language = current_language()
        open_plans = [p for p in status.plans if not p.finished and p.applies is not False]
        # Steps that surely apply come first; "may apply" ones (e.g. asylum while the purpose of
        # the stay is not known) must not crowd them out of the three shown.
        first = sorted(open_plans, key=lambda plan: plan.applies is None)
        for plan in first[:NEXT_STEPS]:
            self.next_steps.links.add_link(
                plan.step.title.get(language),
                _step_detail(plan),
                "checklists",
                plan.step.id,
                warm=plan.overdue,
            )
        self._fill_deadlines(status, open_plans, language)
        for warning in status.expiring:
            if warning.document_id:
                target = ("documents", str(warning.document_id))
            else:
                target = ("profile", "permits" if warning.kind == "permit" else "passports")
            self.expiring.links.add_link(*_expiry_texts(warning), *target, warm=warning.days_left < 0)
        for section in (self.next_steps, self.deadlines, self.expiring):
            section.finish()

    def _fill_deadlines(self, status: Status, open_plans: list[StepPlan], language: str) -> None:
        horizon = status.on + timedelta(days=HORIZON_DAYS)
        rows = [
            Row(
                plan.due,
                plan.step.title.get(language),
                due_text(plan.due, plan.overdue),
                "checklists",
                plan.step.id,
                plan.overdue,
            )
            for plan in open_plans
            if plan.due is not None and plan.due <= horizon
        ]
        stay = status.legal
        last = stay.must_leave_by
        if stay.present and last is not None and last <= horizon:
            detail = _in_days(last, status.on)
            rows.append(Row(last, _("Last day of legal stay"), detail, "calendar", last.isoformat(), True))
        for row in sorted(rows, key=lambda r: r.day):
            self.deadlines.links.add_link(row.title, row.detail, row.target, row.item_id, warm=row.warm)


class Row(NamedTuple):
    day: date
    title: str
    detail: str
    target: str
    item_id: str
    warm: bool


def _in_days(day: date, on: date) -> str:
    n = (day - on).days
    if n < 0:
        return _("Overdue since {date}").format(date=format_date(day))
    return ngettext("{date} (in {n} day)", "{date} (in {n} days)", n).format(date=format_date(day), n=n)


def _step_detail(plan: StepPlan) -> str:
    details = [due_text(plan.due, plan.overdue)]
    if plan.blocked_by:
        details.append(_("waits for an earlier step"))
    if plan.applies is None:
        details.append(_("may not apply to you"))
    if plan.stale:
        details.append(_("may be out of date"))
    return " · ".join(d for d in details if d)


def _expiry_texts(warning: ExpiryWarning) -> tuple[str, str]:
    what = document_kind_name(warning.kind)
    if warning.title:
        what = _("{kind}: {title}").format(kind=what, title=warning.title)
    if warning.expired:
        when = _("Expired on {date}").format(date=format_date(warning.expires))
    else:
        when = ngettext(
            "Expires on {date} (in {n} day)", "Expires on {date} (in {n} days)", warning.days_left
        ).format(date=format_date(warning.expires), n=warning.days_left)
    return what, when
