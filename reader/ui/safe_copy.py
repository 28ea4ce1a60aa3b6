"""What leaves the view when the reader copies, drags or selects (X11 primary selection).

The document holds no hidden words, but a raw fragment would still carry shield objects and
internal image names (``recap-image:3``) that mean nothing elsewhere. Shields become one
"[hidden spoiler]" note each, so a paste shows where something was left out; images are
dropped, since their names cannot be resolved outside the app.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument, QTextDocumentFragment

from reader.ui.document_builder import PLACEHOLDER_OBJECT, ShieldKey

__all__ = ["HIDDEN_NOTE", "safe_copy"]

HIDDEN_NOTE = "[hidden spoiler]"


def safe_copy(fragment: QTextDocumentFragment, note_format: QTextCharFormat) -> tuple[str, str]:
    """Plain text and HTML of a selection, with shields noted and images dropped."""
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    QTextCursor(doc).insertFragment(fragment)
    # (start, length, replacement); collected first, applied back to front
    edits: list[tuple[int, int, str]] = []
    previous: ShieldKey | None = None
    block = doc.begin()
    while block.isValid():
        for item in block:
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
    plain = doc.toPlainText().replace("\u2028", "\n").strip("\n")
    return plain, doc.toHtml()
