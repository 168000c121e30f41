"""Waystation: an offline-first, encrypted toolkit for people who have just arrived in a new country."""

__version__ = "0.1.0"
