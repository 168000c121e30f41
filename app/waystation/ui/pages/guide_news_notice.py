"""The overview's one-time notice after a guide changed: which of the person's own steps and stay
rules are new, changed or gone. The core decides what the news is and records that it was told
(``updates.notice.take_news``); this shows it until the person closes it or the vault locks. Each
changed or new step leads to its place in the checklists (``links.chosen``)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from waystation.content.model import Pack
from waystation.errors import WaystationError
from waystation.i18n import _, current_language
from waystation.rules.status import Status
from waystation.ui.pages.base import plain_label
from waystation.ui.session import Session
from waystation.ui.widgets.link_list import LinkList
from waystation.updates.change_words import stay_rule_line
from waystation.updates.install import built_in_pack
from waystation.updates.notice import GuideNews, take_news

MAX_STEPS = 6


def stay_lines(news: GuideNews, language: str) -> list[str]:
    country = news.pack.name.get(language)
    return [stay_rule_line(country, change) for change in news.stay]


def removed_lines(news: GuideNews, language: str) -> list[str]:
    return [_("No longer in the guide: {title}").format(title=t.get(language)) for t in news.removed]


class GuideNewsNotice(QFrame):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.news: GuideNews | None = None
        self.setObjectName("card")
        self.heading = plain_label("", self, wrap=True)
        self.heading.setObjectName("caption")
        self.body = plain_label("", self, wrap=True)
        self.links = LinkList(self)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.dismiss)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addWidget(self.links)
        layout.addLayout(row)
        session.locked.connect(self.dismiss)
        self.hide()

    def refresh_for(self, status: Status, pack: Pack) -> None:
        """Learn what changed since the person last looked (told once), and show it."""
        try:
            news = take_news(
                self.session.vault,
                pack,
                status,
                installed=pack.country in self.session.library.installed,
                built_in=built_in_pack,
            )
        except WaystationError:
            news = None  # the record could not be read or written: nothing to tell this time
        if news is not None:
            self.news = news
        self.show_news(pack.country)

    def show_news(self, country: str) -> None:
        news = self.news
        if news is None or news.pack.country != country:
            self.hide()
            return
        language = current_language()
        self.heading.setText(
            _("Your guide for {country} has changed since you last looked:").format(
                country=news.pack.name.get(language)
            )
        )
        plain = stay_lines(news, language) + removed_lines(news, language)
        self.body.setText("\n".join("• " + line for line in plain))
        self.body.setVisible(bool(plain))
        self.links.clear()
        steps = [(_("Changed"), step) for step in news.changed] + [
            (_("New for you"), step) for step in news.added
        ]
        for kind, step in steps[:MAX_STEPS]:
            self.links.add_link(step.title.get(language), kind, "checklists", step.id)
        if len(steps) > MAX_STEPS:
            more = len(steps) - MAX_STEPS
            self.links.add_link(_("… and {n} more in the checklists").format(n=more), "", "checklists", "")
        self.links.setAccessibleName(self.heading.text())
        self.close_button.setText(_("&Got it"))
        self.close_button.setAccessibleDescription(self.heading.text())
        self.show()

    def dismiss(self) -> None:
        self.news = None
        self.heading.clear()
        self.body.clear()
        self.links.clear()
        self.hide()
