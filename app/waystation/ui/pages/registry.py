"""The screens of an unlocked vault, in navigation order. Add a screen here and nowhere else."""

from __future__ import annotations

from waystation.ui.pages.base import Page
from waystation.ui.pages.calendar_page import CalendarPage
from waystation.ui.pages.checklists import ChecklistsPage
from waystation.ui.pages.dashboard import DashboardPage
from waystation.ui.pages.documents import DocumentsPage
from waystation.ui.pages.packets_page import PacketsPage
from waystation.ui.pages.profile import ProfilePage
from waystation.ui.pages.settings import SettingsPage


def page_classes() -> list[type[Page]]:
    return [
        DashboardPage,
        ChecklistsPage,
        ProfilePage,
        DocumentsPage,
        PacketsPage,
        CalendarPage,
        SettingsPage,
    ]
