"""Asides: blocks about the show's future or the article's writer, not the episode's story.

Recaps carry more than plot: renewal and production news ("series 5 is already being
filmed", "There will be a season 2") and, at the end, a note about the writer ("Jo Lind writes
about television from Cork"). A reader knows these tell nothing about the episode even after a
spoiler warning. Craft talk (the score, the cinematography) is recognised as a telling phrase
(``phrases``); this module reads the two signals that need the article: which season it is
about, and who wrote it.
"""

from __future__ import annotations

import re

from reader.analysis.text import lacks_words, lazy_compile


_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10}
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10}
_SEASON_WORDS = ("season", "series")  # one of them is in every match of the two patterns below
_SEASON_NUMBER = lazy_compile(r"\b(?:season|series)\s+(\d{1,2}|" + "|".join(_NUMBERS) + r")\b", re.I)
_SEASON_ORDINAL = lazy_compile(r"\b(" + "|".join(_ORDINALS) + r")\s+(?:season|series)\b", re.I)
# What a note about the writer says right after the name: "Jo Lind writes about...", "is a critic".
_BIO_VERB = lazy_compile(r"\s*(?:[,(][^.]{0,60}?[,)]\s*)?(?:writes|is|covers|reviews|has (?:written|covered|recapped|reviewed)"
                       r"|edits|hosts|lives|tweets|posts)\b", re.I)


def later_seasons(text: str, season: int | None) -> bool:
    """Does ``text`` speak of a season after the one the article is about ("series 5 is being
    filmed" in a series 4 recap, "a third series")? Unknown when the article's season is."""
    if season is None:
        return False
    return any(n > season for n in season_numbers(text))


def season_numbers(text: str) -> list[int]:
    """The seasons ``text`` names: "season 4", "series five", "the third season"."""
    if lacks_words(text, _SEASON_WORDS):
        return []  # most blocks: two case-blind scans saved
    numbers = [_number(m.group(1)) for m in _SEASON_NUMBER.finditer(text)]
    return numbers + [_ORDINALS[m.group(1).casefold()] for m in _SEASON_ORDINAL.finditer(text)]


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.casefold()]


def is_author_note(text: str, byline: str | None) -> bool:
    """A note about the writer: the block opens with the byline's name and says what they do
    ("Jo Lind writes about European television from Cork")."""
    if not byline:
        return False
    for name in _names(byline):
        if text.startswith(name) and _BIO_VERB.match(text, len(name)):
            return True
    return False


def _names(byline: str) -> list[str]:
    """The people of a byline ("Jo Lind and Tor Eik" -> both), full names only."""
    parts = re.split(r"\s*(?:,|&|\band\b)\s*", byline.strip())
    return [p for p in parts if len(p.split()) >= 2]
