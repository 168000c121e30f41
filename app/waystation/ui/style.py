"""One coherent look: spacing, a type scale and a calm accent, over the platform's own light or
dark palette (so the system's dark mode is followed rather than fought)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

ACCENT = "#2f6f8f"

STYLE_SHEET = f"""
QLabel#heading {{ font-size: 20pt; font-weight: 600; }}
QLabel#subheading {{ font-size: 13pt; font-weight: 600; }}
QLabel#message {{ color: #b3261e; }}
QLabel#warning {{ padding: 8px; border: 0px solid transparent; border-left: 3px solid #c77700; }}
QListWidget#navigation {{ font-size: 11pt; padding-top: 8px; border: none; }}
QListWidget#navigation::item {{ padding: 8px 14px; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}
QPushButton:default {{ font-weight: 600; }}
*:focus {{ outline: 2px solid {ACCENT}; }}
"""


def apply_style(app: QApplication) -> None:
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
