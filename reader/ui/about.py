"""Help › About: what the app is, its version and licence, and the promises it keeps.

A reader deciding whether to trust the app with saved pages should find, in one place, that no
script runs, nothing is fetched and files are never changed; the text is built by a plain
function so a test can read it without opening a dialog.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from reader import __version__
from reader.appinfo import APP_ID, APP_NAME

__all__ = ["about_html", "show_about"]

LICENSE = "GPL-3.0-or-later"


def about_html() -> str:
    """The About box's rich text: name and version, what it does, its promises, licence, ids."""
    return (
        f"<h3>{escape(APP_NAME)} {escape(__version__)}</h3>"
        "<p>Read the TV episode recaps and reviews you save, with what happens in the episode "
        "blurred until you click it, and a sidebar of who is who and the key moments.</p>"
        "<p>Saved pages are treated as untrusted: no script in them runs, nothing is fetched from "
        "the network, and your files are never modified.</p>"
        f"<p>Licence: {escape(LICENSE)}<br>Application id: {escape(APP_ID)}<br>"
        f"Qt {escape(qVersion())}</p>"
    )


def show_about(parent: QWidget) -> None:
    """The About box (modal, like every desktop app's)."""
    QMessageBox.about(parent, f"About {APP_NAME}", about_html())
