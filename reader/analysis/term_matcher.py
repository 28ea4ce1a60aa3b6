"""Find an article's names in its text without compiling a pattern for each article.

The spoiler judge and the key moments look for every character, actor, the show and the site in
every block. One alternation of all those names, compiled per article, costs more to compile
(the regular-expression compiler is pure Python and slow on long case-blind alternations) than
all the matching it then does. ``TermMatcher`` answers the same question with one fixed pattern
that finds where words start and a table of the terms by their first run of word characters.

It finds what the case-blind alternation ``(?<![\\w’'\\-])(?:(?P<o>O)|(?P<c>C))(?![\\w\\-]|[’']\\w\\w)``
found, with O and C each ordered longest first: at each word start the longest term of the first
group that fits, else the longest of the second; a term fits when it is not followed by more of a
word, a hyphen, or an apostrophe and two letters ("Ines’s" fits "Ines", "Ines’ll" does not).
Terms start with a character that is not a space (names do; others are ignored). Case is compared with
``str.lower``, which agrees with the pattern's case-blindness but for a few letters of special
scripts (the long s, the Kelvin sign).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.analysis.text import is_word_char

# Where a term may start, and what it starts with: a run of word characters, or one other
# character that is not a space, where no word continues. A term matches only where its own
# first run is the text's whole run there (a term may not end inside a word), so the run is the
# key of a table of terms: most words of a text are no name's first word, and are passed over.
_STARTS = re.compile(r"(?<![\w’'\-])(?:\w+|\S)")
# Every maximal run of word characters: a cheap superset of the runs ``_STARTS`` finds, enough
# to tell which keys a text may hold when every key is such a run.
_RUNS = re.compile(r"\w+")
_APOSTROPHES = "’'"


def _lower(text: str) -> str:
    """``text`` in lower case, letter for letter (a letter whose lower case is longer, "İ",
    stays as it is, so offsets hold)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


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
        # first run (lower case) -> [(length, lower-case term, group)], in matching order
        self._by_start: dict[str, list[tuple[int, str, str]]] = {}
        for group, terms in groups:
            for term in sorted({t for t in terms if t.strip()}, key=len, reverse=True):
                lowered = _lower(term)
                first = _STARTS.match(lowered)
                if first is not None:  # None: the term starts with a space, as no name does
                    self._by_start.setdefault(first.group(), []).append((len(term), lowered, group))
        self._word_keys = all(_RUNS.fullmatch(key) for key in self._by_start)

    def __bool__(self) -> bool:
        return bool(self._by_start)

    def find(self, text: str) -> list[TermHit]:
        """Every term in ``text``, left to right, none overlapping."""
        by_start = self._by_start
        lowered = _lower(text)
        present = by_start.keys() & (_RUNS if self._word_keys else _STARTS).findall(lowered)
        if not present:
            return []  # most blocks name nobody: one scan in C, no loop over the words
        found: list[TermHit] = []
        resume = 0
        size = len(text)
        for start, key in sorted(_starts(lowered, present)):
            if start < resume:
                continue
            for length, term, group in by_start[key]:
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
        if char == "-" or is_word_char(char):
            return True
        return char in _APOSTROPHES and is_word_char(text[end + 1:end + 2]) and is_word_char(text[end + 2:end + 3])


def _starts(lowered: str, keys: Iterable[str]) -> Iterable[tuple[int, str]]:
    """(offset, key) wherever one of ``keys`` is the whole run ``_STARTS`` finds: the places
    its scan would stop at for them, found with ``str.find``."""
    for key in keys:
        pos = lowered.find(key)
        while pos >= 0:
            run = _STARTS.match(lowered, pos)
            if run is not None and run.group() == key:
                yield pos, key
            pos = lowered.find(key, pos + 1)
