"""Small additions to the app's style for the screens in this package: cards, marks for present
and missing documents, links shown as text, calm warnings. Set on a page, they cascade to its
children only. (The warning rule is repeated here because Qt draws no one-sided border from
the ``border-left`` shorthand alone: the border must be declared whole first.)"""

from __future__ import annotations

from waystation.ui.style import ACCENT
from waystation.ui.widgets.stay_gauge import WARM

PAGE_STYLE = f"""
QFrame#card {{ border: 1px solid palette(midlight); border-radius: 8px; background: palette(base); }}
QLabel#caption, QLabel#strong {{ font-weight: 600; }}
QLabel#present {{ color: {ACCENT}; }}
QLabel#missing, QLabel#warm {{ color: {WARM}; }}
QLabel#url {{ color: palette(link); }}
QLabel#meta {{ color: palette(dark); }}
QLabel#warning {{
    padding: 8px 10px; border: 0px solid transparent; border-left: 3px solid {WARM};
    background: rgba(199, 119, 0, 20);
}}
"""
