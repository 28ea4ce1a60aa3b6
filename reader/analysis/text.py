"""Text helpers the analysis shares: one word pattern, one token pattern, one fold.

Every module that reads words out of a block uses these, so "a word" and "the same name" mean
the same thing everywhere: a word starts with a letter and may hold apostrophes (straight or
curly) and hyphens ("O’Neill", "Hae-rim"); a fold ignores case, diacritics and the typography of
quotes and dashes ("Héctor’s" and "hector's" fold alike).
"""

from __future__ import annotations

import re
import unicodedata

#: A word: a letter, then letters, digits, apostrophes and hyphens.
WORD = re.compile(r"[^\W\d_][\w’'\-]*")
#: A token for reading sentences: a word, a number, or one mark of punctuation that matters.
TOKEN = re.compile(r"[^\W\d_][\w’'\-]*|\d+|[()\[\],;:.!?–—“”\"]")

_TYPOGRAPHY = str.maketrans("‘’‚‛“”„‟–—‐‑", "''''\"\"\"\"----")


def words(text: str) -> list[str]:
    """The words of ``text``, in order, as written."""
    return WORD.findall(text)


def folded_words(text: str) -> list[str]:
    """The words of ``text``, case-folded (diacritics kept: use ``fold`` first to drop them)."""
    return [w.casefold() for w in WORD.findall(text)]


def fold(text: str) -> str:
    """``text`` case-folded, without diacritics, with curly quotes and dashes made plain."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.translate(_TYPOGRAPHY).casefold()
