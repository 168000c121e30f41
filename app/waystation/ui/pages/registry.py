"""The screens of an unlocked vault, in navigation order. Add a screen here and nowhere else."""

from __future__ import annotations

from waystation.ui.pages.base import Page


def page_classes() -> list[type[Page]]:
    return []
