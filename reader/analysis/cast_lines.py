"""Cast-list entries: "Ines (Jo Lind), the ferry’s new captain".

A "Who's who" list introduces one character per line: the name first, then who plays them and
what they are to the story, as a noun phrase with no verb of its own. A reader takes that as the
cast, not the plot, even after a spoiler warning. This module only reads the shape of the line;
the narration signal decides whether anything in it happens (an entry whose description says
"who kills her brother" is narration, not an introduction).
"""

from __future__ import annotations

import re

from reader.analysis.spoiler_names import NameHit
from reader.analysis.verbs import BASE_FORMS, EVENT_FORMS, PARTICIPLES

# Verb forms that can only be a verb ("confesses", "found"): a description holding one tells what
# the character does ("the man who found the body"). Base forms ("the return") and participles
# that only describe ("known as") do not count.
_FINITE = EVENT_FORMS - BASE_FORMS - PARTICIPLES
_RELATIVE = re.compile(r"\b(?:who|whom|which|that)\s+(?:\w+\s+)?[a-z]+(?:s|ed)\b")
_WORDS = re.compile(r"[a-z][a-z’'\-]*")

# "(Jo Lind)", "(played by Jo Lind)", or "played by Jo Lind" / "voiced by ..." anywhere in the line.
_CREDIT = re.compile(
    r"\((?:(?:played|voiced|portrayed) by\s+)?[^\W\d_a-z][\w’'.\-]*(?:\s+[^\W\d_a-z][\w’'.\-]*){0,3}\)"
    r"|\b(?:played|voiced|portrayed) by\s+[^\W\d_a-z]"
)
# A sentence boundary inside the line: an entry is one noun phrase, not a paragraph.
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[^\W\d_a-z]")
# Before the first name the finder knows: a title ("Chief", "Dr.") or given name and nickname
# ("Margarida “Guida” Sá" when only the nickname is known).
_LEAD = re.compile(r"^(?:[“\"‘']?[^\W\d_a-z][\w’'.\-]*[”\"’']?\s+){0,3}")
MAX_WORDS = 30


def is_cast_entry(text: str, hits: list[NameHit]) -> bool:
    """Does ``text`` have the shape of a cast-list line: it opens with a character's name
    (perhaps after a title), credits an actor, and is one short phrase with no verb of its own?"""
    stripped = text.strip()
    if not stripped or len(stripped.split()) > MAX_WORDS or _SENTENCE_BREAK.search(stripped):
        return False
    if not _CREDIT.search(stripped):
        return False
    if _RELATIVE.search(stripped) or any(w in _FINITE for w in _WORDS.findall(stripped)):
        return False  # the description has a verb of its own: it tells, not introduces
    characters = [h for h in hits if not h.credit and not h.guessed]
    if not characters:
        return False
    first = min(characters, key=lambda h: h.start)
    offset = len(text) - len(text.lstrip())
    return first.start - offset <= _LEAD.match(stripped).end()  # type: ignore[union-attr]
