"""The screens of an unlocked vault, one module each."""
