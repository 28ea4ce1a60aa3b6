"""Find an article's names in its text without compiling a pattern for each article.

The spoiler judge and the key moments look for every character, actor, the show and the site in
every block. One alternation of all those names, compiled per article, costs more to compile
(the regular-expression compiler is pure Python and slow on long case-blind alternations) than
all the matching it then does. ``TermMatcher`` answers the same question with one fixed pattern
that finds where words start and a table of the terms by their first letter.

It finds what the case-blind alternation ``(?<![\\w’'\\-])(?:(?P<o>O)|(?P<c>C))(?![\\w\\-]|[’']\\w\\w)``
found, with O and C each ordered longest first: at each word start the longest term of the first
group that fits, else the longest of the second; a term fits when it is not followed by more of a
word, a hyphen, or an apostrophe and two letters ("Ines’s" fits "Ines", "Ines’ll" does not).
Terms start with a character that is not a space (names do). Case is compared with
``str.lower``, which agrees with the pattern's case-blindness but for a few letters of special
scripts (the long s, the Kelvin sign).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Where a term may start: a character that is not a space and does not continue a word.
_STARTS = re.compile(r"(?<![\w’'\-])\S")
_APOSTROPHES = "’'"


def _continues_word(char: str) -> bool:
    """``char`` would extend the word before it (``[\\w\\-]``)."""
    return char.isalnum() or char in "_-"


@dataclass(frozen=True, slots=True)
class TermHit:
    """``text[start:end]`` is a term of ``group``."""

    start: int
    end: int
    group: str


class TermMatcher:
    """The terms of named groups, matched case-blind at word starts, longest first, earlier
    groups before later ones (see the module's docstring)."""

    def __init__(self, groups: Iterable[tuple[str, Iterable[str]]]) -> None:
        # first letter (lower case) -> [(length, lower-case term, group)], in matching order
        self._by_first: dict[str, list[tuple[int, str, str]]] = {}
        for group, terms in groups:
            ordered = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
            for term in ordered:
                lowered = term.lower()
                if len(lowered) != len(term):  # "İ": lowering changes the length; compare as is
                    lowered = term
                self._by_first.setdefault(lowered[0], []).append((len(term), lowered, group))

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def find(self, text: str) -> list[TermHit]:
        """Every term in ``text``, left to right, none overlapping."""
        by_first = self._by_first
        found: list[TermHit] = []
        resume = 0
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        size = len(text)
        for start_match in _STARTS.finditer(text):
            start = start_match.start()
            if start < resume:
                continue
            candidates = by_first.get(lowered[start])
            if not candidates:
                continue
            for length, term, group in candidates:
                end = start + length
                if lowered.startswith(term, start) and not self._runs_on(text, end, size):
                    found.append(TermHit(start, end, group))
                    resume = end
                    break
        return found

    @staticmethod
    def _runs_on(text: str, end: int, size: int) -> bool:
        """Does the word go on after ``end`` (so the term is only the start of a longer word)?"""
        if end >= size:
            return False
        char = text[end]
        if _continues_word(char):
            return True
        return (char in _APOSTROPHES and end + 2 < size
                and _is_word_char(text[end + 1]) and _is_word_char(text[end + 2]))


def _is_word_char(char: str) -> bool:
    """``char`` is ``\\w``."""
    return char.isalnum() or char == "_"
