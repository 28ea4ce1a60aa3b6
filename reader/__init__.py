"""Recap Reader: read saved TV recaps with the spoilers shielded."""

__version__ = "0.1.0"
