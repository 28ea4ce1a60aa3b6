"""Text helpers the analysis shares: one word pattern, one token pattern, one fold.

Every module that reads words out of a block uses these, so "a word" and "the same name" mean
the same thing everywhere: a word starts with a letter and may hold apostrophes (straight or
curly) and hyphens ("O’Neill", "Hae-rim"); a fold ignores case, diacritics and the typography of
quotes and dashes ("Héctor’s" and "hector's" fold alike).
"""

from __future__ import annotations

import re
from typing import cast
import unicodedata

#: A word: a letter, then letters, digits, apostrophes and hyphens.
WORD = re.compile(r"[^\W\d_][\w’'\-]*")
#: A token for reading sentences: a word, a number, or one mark of punctuation that matters.
TOKEN = re.compile(r"[^\W\d_][\w’'\-]*|\d+|[()\[\],;:.!?–—“”\"]")

_TYPOGRAPHY = str.maketrans("‘’‚‛“”„‟–—‐‑", "''''\"\"\"\"----")


def words(text: str) -> list[str]:
    """The words of ``text``, in order, as written."""
    return WORD.findall(text)


#: The one character whose case fold changes whether it is part of a word (a combining mark
#: that folds to a Greek letter); ``tests/unit/analysis/test_text.py`` checks every code point.
FOLD_JOINS_WORDS = "\u0345"


def folded_words(text: str) -> list[str]:
    """The words of ``text``, case-folded (diacritics kept: use ``fold`` first to drop them)."""
    folded = text.casefold()
    if len(folded) == len(text) and FOLD_JOINS_WORDS not in text:
        # Every letter folded to one letter: the same words, found once in the folded text.
        return WORD.findall(folded)
    return list(map(str.casefold, WORD.findall(text)))


def is_word_char(char: str) -> bool:
    """``char`` is one character that ``\\w`` matches (an empty string is not)."""
    return bool(char) and (char.isalnum() or char == "_")


def whole_phrase_at(phrase: str, text: str, start: int = 0) -> int:
    """Where ``phrase`` first stands in ``text`` (from ``start``) as written with no word
    character touching it, or -1: what ``(?<!\\w)PHRASE(?!\\w)`` finds, without compiling a
    pattern for each name of each article (there are more than the regex cache holds)."""
    at = text.find(phrase, start)
    while at >= 0:
        end = at + len(phrase)
        if not is_word_char(text[at - 1:at]) and not is_word_char(text[end:end + 1]):
            return at
        at = text.find(phrase, at + 1)
    return -1


def fold(text: str) -> str:
    """``text`` case-folded, without diacritics, with curly quotes and dashes made plain."""
    text = text or ""
    if text.isascii():
        return text.casefold()  # nothing to decompose, drop or make plain: most text
    text = unicodedata.normalize("NFKD", text)
    if text.isascii():
        return text.casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.translate(_TYPOGRAPHY).casefold()


# The only characters beyond ASCII that a case-blind pattern (re.IGNORECASE) matches to an ASCII
# letter: dotted and dotless I, the long s and the Kelvin sign.
_ASCII_CASE_MATES = ("İ", "ı", "ſ", "\u212a")


def lacks_words(text: str, words: tuple[str, ...]) -> bool:
    """True when no spelling of any of ``words`` (lower-case ASCII), in any case, occurs in ``text``:
    then a case-blind pattern that needs one of them cannot match, and need not run. Exact: a text
    holding a character that case-blind matching takes for an ASCII letter is never ruled out."""
    if any(c in text for c in _ASCII_CASE_MATES):
        return False
    low = text.lower()
    return not any(w in low for w in words)


class LazyPattern:
    """A regular expression compiled the first time it is used, so that importing the analysis
    compiles nothing: the app starts faster, and articles that never reach a rule never pay
    for it. After the first use, its methods are the compiled pattern's own."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> object:
        compiled = re.compile(*self._source)
        for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
            setattr(self, method, getattr(compiled, method))
        self.pattern, self.flags = compiled.pattern, compiled.flags
        return getattr(compiled, name)


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile``, deferred to the pattern's first use (typed as the pattern it stands for:
    it answers every method a compiled pattern has)."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
