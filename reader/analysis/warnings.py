"""Spoiler warning lines and the scope they set.

Writers announce where plot starts ("Spoilers for episode 4 below", "Heads up: spoilers
follow", "if you're not caught up, turn back now", "Spoilers from here on") and sometimes
where it stops ("End of spoilers", "Tags off"). Others promise there is none ("This is a
spoiler-free review", "Non-spoiler thoughts first"). ``line_signal`` reads one block's text
and says which of these it is; the judge turns the sequence into scopes.
"""

from __future__ import annotations

import re
from enum import Enum

from reader.analysis.text import lazy_compile


class Signal(Enum):
    """What a line says about the spoilers around it."""

    OPEN = "open"  # plot may follow: hidden by default until the scope closes
    CLOSE = "close"  # the spoilers are over
    FREE = "free"  # what follows (or the whole article) promises no spoilers
    FREE_FIRST = "free_first"  # a warning that puts spoiler-free thoughts first


_SPOIL = r"spoil(?:er|ers|ery|ing|s)?"

# Every alternative but the bracketed tags starts at a word boundary: the boundary is tested
# once, before the alternatives (the pattern runs over whole paragraphs that merely contain a
# trigger word; at most positions it now fails at one test instead of at each alternative).
_OPEN = lazy_compile(
    rf"\b(?:{_SPOIL}\b[^.!?]{{0,60}}?\b(?:ahead|below|follow|follows|from here|from this point|beyond"
    rf"|after the (?:break|jump|image|photo|picture|trailer)|inside|within|throughout|galore)\b"
    rf"|(?:from here|from this point|beyond this point)\b[^.!?]{{0,40}}\b{_SPOIL}\b"
    rf"|{_SPOIL} (?:alert|warning|territory|zone)\b|{_SPOIL} (?:start|starts|begin|begins)\b"
    rf"|(?:warning|caution|heads[ -]up|fair warning|be warned|note)\b[^.!?]{{0,30}}\b{_SPOIL}"
    rf"|contains?\b[^.!?]{{0,30}}\b{_SPOIL}\b"
    rf"|(?:full|major|massive|heavy|big|huge|minor|mild|some|plot|endgame|finale)\s+{_SPOIL}\b"
    rf"|{_SPOIL}s? for\b"
    rf"|{_SPOIL}\]?[- ]?tag(?:s|ged)?\b|tagged as {_SPOIL}"
    rf"|turn back now\b|look away now\b|read no further\b|stop reading (?:here|now)\b"
    rf"|at your own risk\b|if you(?:’|')?(?:re| are| have)? not (?:caught up|seen|watched)\b"
    rf"|if you haven(?:’|')?t (?:yet )?(?:seen|watched|caught up)\b"
    rf"|(?:discuss(?:es|ed|ing)?|covers?|describes?|details?|reveals?|goes? through|walks? through)"
    rf" (?:the (?:whole|entire|full)|everything|all of|all the|key|major|every)\b[^.!?]{{0,30}}?"
    rf"\b(?:episode|finale|premiere|plot|story|season|events|twists?|details|ending)\b"
    rf"|discuss(?:es|ed|ing)? (?:events|plot points|what happens|key scenes)\b"
    rf"|(?:ending|finale|twists?) included\b|including (?:the|that) (?:ending|twist|finale)\b"
    rf"|catch up first\b|plot details\b(?![^.!?]{{0,40}}\b(?:wraps|secret|secrecy|scarce|unknown|thin|sparse))|here be {_SPOIL}"
    rf"|do(?:n(?:’|')?t| not) read (?:on|further|this|any further|ahead)\b)"
    rf"|\[{_SPOIL}\]|\({_SPOIL}!?\)",
    re.I,
)

_CLOSE = lazy_compile(  # the word boundary tested once, as in _OPEN
    rf"\b(?:end of (?:the )?{_SPOIL}(?: section| zone)?\b|{_SPOIL} (?:end|ends|are over|over|done)\b"
    rf"|{_SPOIL}(?: section| zone)? (?:ends|is over)\b|tags? off\b|safe to (?:read|look|scroll)"
    rf"|no more {_SPOIL}\b|{_SPOIL}[- ]free from here\b|back to (?:the )?{_SPOIL}[- ]free\b)"
    rf"|^\s*/\s*{_SPOIL}\s*$",
    re.I,
)

_FREE = lazy_compile(
    rf"\b(?:{_SPOIL}[- ]?free\b|no {_SPOIL}\b|without (?:any )?{_SPOIL}\b|non[- ]?{_SPOIL}\b"
    rf"|{_SPOIL}less\b|(?:won(?:’|')?t|will not|do not|don(?:’|')?t) (?:spoil|give away)\b)",
    re.I,
)
_FIRST = lazy_compile(r"\bfirst\b|\bto start\b|\bbefore (?:we|the|i)\b|\bup top\b", re.I)

# A closing marker only counts at the start of a block ("Right, tags off. My only..."); a
# promise of no spoilers at the start or in a short line ("This is a spoiler-free review").
_CLOSE_AT_START = 16
_FREE_AT_START = 80
_SHORT_LINE = 30

#: A line this short is a label ("Non-spoiler thoughts"), not a sentence in passing.
LABEL_WORDS = 12


# Cheap test first: most blocks contain none of these and need no regex at all.
_TRIGGERS = ("spoil", "tag", "turn back", "look away", "read no further", "stop reading", "own risk",
             "caught up", "not seen", "not watched", "haven", "safe to", "included", "including the",
             "including that", "discuss", "covers", "cover the", "cover every", "cover all", "describ",
             "details", "reveals the", "reveals every", "reveals all", "go through", "goes through",
             "walk through", "walks through", "t read", "not read", "catch up first")


def line_signal(text: str) -> Signal | None:
    """What ``text`` says about spoilers, if anything."""
    folded = text.casefold()
    if not any(t in folded for t in _TRIGGERS):
        return None
    close = _CLOSE.search(text)
    if close and (close.start() <= _CLOSE_AT_START or len(text.split()) <= LABEL_WORDS):
        return Signal.CLOSE
    free = _FREE.search(text)
    opened = _OPEN.search(_FREE.sub(" ", text))
    # "The first ten minutes are spoiler-free, then spoilers start": one sentence drawing the line.
    first = free is not None and opened is not None and _draws_the_line(_sentence(text, free.start()))
    if free and free.start() > _FREE_AT_START and len(text.split()) > _SHORT_LINE and not first:
        free = None  # "...which I won't spoil here, but then she..." is no promise for the rest
    if free and opened:
        return Signal.FREE_FIRST if first or _FIRST.search(text, free.start()) else Signal.OPEN
    if free:
        return Signal.FREE
    if opened:
        return Signal.OPEN
    return None


def _sentence(text: str, pos: int) -> str:
    """The sentence of ``text`` that holds ``pos``: "the first ten minutes are spoiler-free"
    says where the safe part lies even late in a long paragraph."""
    start = max(text.rfind(mark, 0, pos) for mark in ".!?") + 1
    ends = [i for i in (text.find(mark, pos) for mark in ".!?") if i >= 0]
    return text[start:min(ends) + 1 if ends else len(text)]


def _draws_the_line(sentence: str) -> bool:
    """A sentence that says the first part is safe and where the spoilers begin."""
    return bool(_FIRST.search(sentence)) and bool(_OPEN.search(_FREE.sub(" ", sentence)))


def is_label(text: str) -> bool:
    """Short enough to be a section label rather than a remark in passing."""
    return len(text.split()) <= LABEL_WORDS


def marks_no_spoilers(text: str) -> bool:
    """A badge or label promising no spoilers ("No spoilers"): not a spoiler itself."""
    return bool(_FREE.search(text)) and len(text.split()) <= 4
