"""After the language changed while the app runs, the layouts must measure the new words.

Two Qt caches keep the old measures: a form layout keeps the heights of wrapped texts it
measured before, and a combo box sized "on first show" keeps the width of its first language's
longest item ("To do" → "К выполне…"). Both are renewed here, once every widget has taken its new
words (the main window calls this a moment after LanguageChange)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget


def refit_after_language_change(root: QWidget) -> None:
    for form in root.findChildren(QFormLayout):
        form.invalidate()
    first_show = QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow
    for combo in root.findChildren(QComboBox):
        if combo.sizeAdjustPolicy() == first_show:
            # setting the policy forgets the cached size; setting it back keeps it "first show"
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setSizeAdjustPolicy(first_show)
            combo.updateGeometry()
