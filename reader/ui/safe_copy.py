"""What leaves the view when the reader copies, drags or selects (X11 primary selection).

The document holds no hidden words, but a raw fragment would still carry shield objects and
internal image names (``recap-image:3``) that mean nothing elsewhere. Shields become one
"[hidden spoiler]" note each, so a paste shows where something was left out; images are
dropped, since their names cannot be resolved outside the app.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import (
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QTextEdit

from reader.ui.document_builder import PLACEHOLDER_OBJECT, ShieldKey

__all__ = ["HIDDEN_NOTE", "qt_made_mime_data", "safe_copy", "safe_mime_data"]

HIDDEN_NOTE = "[hidden spoiler]"


def safe_copy(fragment: QTextDocumentFragment, note_format: QTextCharFormat) -> tuple[str, str]:
    """Plain text and HTML of a selection, with shields noted and images dropped."""
    doc = _sanitized(fragment, note_format)
    return _plain(doc), doc.toHtml()


def safe_mime_data(fragment: QTextDocumentFragment, note_format: QTextCharFormat) -> QMimeData:
    """The selection as clipboard data that Qt itself created.

    A QMimeData made in Python and handed to the clipboard by Qt's own copy() (not through
    QClipboard.setMimeData, which transfers ownership) is torn down twice when the
    application exits: the process ends with a segmentation fault. So the data comes from
    QTextEdit's own createMimeDataFromSelection over the sanitised document.
    """
    doc = _sanitized(fragment, note_format)
    editor = QTextEdit()
    editor.setDocument(doc)
    editor.selectAll()
    mime = QTextEdit.createMimeDataFromSelection(editor)
    mime.formats()  # builds text/html and text/plain from the fragment now, while doc lives
    mime.setText(_plain(doc))
    return mime


def qt_made_mime_data(text: str, html: str) -> QMimeData:
    """Clipboard data holding ``text`` (text/plain) and ``html`` (text/html), made by Qt.

    A ``QMimeData()`` constructed in Python and given to ``QClipboard.setMimeData`` crashes the
    process at exit under PySide6 6.11 (the clipboard deletes it after Python has gone, through
    the Python wrapper's virtual-method bridge). One that Qt itself created has no such bridge:
    an empty editor's ``createMimeDataFromSelection`` makes a plain one, which is filled here.
    Its selection is empty, so Qt never writes its own text over what is set.
    """
    editor = QTextEdit()
    mime = QTextEdit.createMimeDataFromSelection(editor)
    mime.setText(text)
    mime.setHtml(html)
    return mime


def _plain(doc: QTextDocument) -> str:
    return doc.toPlainText().replace("\u2028", "\n").strip("\n")


def _sanitized(fragment: QTextDocumentFragment, note_format: QTextCharFormat) -> QTextDocument:
    """A copy of the selection with each shield replaced by one note and images dropped."""
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    QTextCursor(doc).insertFragment(fragment)
    # (start, length, replacement); collected first, applied back to front
    edits: list[tuple[int, int, str]] = []
    previous: ShieldKey | None = None
    block = doc.begin()
    while block.isValid():
        for item in block:  # type: ignore[attr-defined]  # PySide6's stub types QTextBlock's iterator as object
            fragment_ = item.fragment()
            fmt = fragment_.charFormat()
            key = ShieldKey.from_format(fmt)
            if key is not None:
                if key == previous and edits and edits[-1][0] + edits[-1][1] == fragment_.position():
                    start, length, note = edits[-1]
                    edits[-1] = (start, length + fragment_.length(), note)
                else:
                    edits.append((fragment_.position(), fragment_.length(), HIDDEN_NOTE))
                previous = key
                continue
            previous = None
            if fmt.isImageFormat() or fmt.objectType() == PLACEHOLDER_OBJECT:
                edits.append((fragment_.position(), fragment_.length(), ""))
        block = block.next()
    cursor = QTextCursor(doc)
    for start, length, text in reversed(edits):
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        if text:
            cursor.insertText(text, note_format)
    return doc
