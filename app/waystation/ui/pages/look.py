"""Small additions to the app's style for the screens in this package: cards, captions, calm
warnings. Set on a page, they cascade to its children only. Text colours are not here: they
depend on the palette in use and live in the app's style sheet (``waystation.ui.style``), which
follows the palette when it changes. (The warning rule is repeated here because Qt draws no
one-sided border from the ``border-left`` shorthand alone: the border must be declared whole
first.)"""

from __future__ import annotations

from waystation.ui.style import WARNING_MARK

PAGE_STYLE = f"""
QFrame#card {{ border: 1px solid palette(midlight); border-radius: 8px; background: palette(base); }}
QLabel#caption, QLabel#strong {{ font-weight: 600; }}
QLabel#warning {{
    padding: 8px 10px; border: 0px solid transparent; border-left: 3px solid {WARNING_MARK};
    background: rgba(199, 119, 0, 20);
}}
"""
