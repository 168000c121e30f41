"""Packaging of Waystation: the PyInstaller spec and the scripts around it (see README.md)."""
