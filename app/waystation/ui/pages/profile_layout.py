"""How the profile screen is laid out: a heading, one scrolling column of titled sections (each
with a quiet hint under its title), and a bar with the status and the buttons at the bottom."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from waystation.ui.pages.base import plain_label
from waystation.ui.widgets.fields import hint_label

Sections = Sequence[tuple[str, QWidget]]


def section_column(
    page: QWidget, sections: Sections
) -> tuple[QScrollArea, dict[str, QLabel], dict[str, QLabel]]:
    """The scrolling column, and the title and hint label of each section by name."""
    titles: dict[str, QLabel] = {}
    hints: dict[str, QLabel] = {}
    content = QWidget(page)
    column = QVBoxLayout(content)
    column.setContentsMargins(32, 8, 32, 24)
    column.setSpacing(8)
    for name, widget in sections:
        title = titles[name] = plain_label("", content)
        title.setObjectName("subheading")
        hint = hints[name] = hint_label("", content)
        column.addSpacing(12)
        column.addWidget(title)
        column.addWidget(hint)
        column.addWidget(widget)
    column.addStretch(1)
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    return scroll, titles, hints


def lay_out_page(page: QWidget, header: Sequence[QWidget], body: QWidget, bar: Sequence[QWidget]) -> None:
    """``header`` above ``body``; ``bar`` below it, its first widget taking the free width."""
    buttons = QHBoxLayout()
    buttons.setContentsMargins(32, 8, 32, 16)
    for number, widget in enumerate(bar):
        buttons.addWidget(widget, 1 if number == 0 else 0)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 24, 0, 0)
    top = QVBoxLayout()
    top.setContentsMargins(32, 0, 32, 0)
    for widget in header:
        top.addWidget(widget)
    layout.addLayout(top)
    layout.addWidget(body, 1)
    layout.addLayout(buttons)
