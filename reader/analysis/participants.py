"""People the character finder missed, as the hidden plot keeps naming them.

After a warning, a paragraph stays readable when it names no character and narrates nothing.
That test leans on the finder: a contestant it missed ("Then, Sunday, Ola needed something
special...") makes a plot paragraph look quiet. A reader knows better: the name keeps turning
up in the paragraphs that tell the story. A capitalised name (not the show, the site or an
actor) that appears in two or more narrating blocks is a participant of the plot; the shield's
``names_recurring_person`` feature says whether a block names one.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.analysis.spoiler_names import NameIndex

#: In how many hidden blocks a name must appear to count as part of the plot.
MIN_HIDDEN_BLOCKS = 2


def _tokens(text: str, index: NameIndex) -> set[str]:
    return {word.casefold() for hit in index.guesses(text) if not hit.credit
            for word in hit.name.split() if len(word) >= 3}


def recurring_people(hidden_texts: Iterable[str], index: NameIndex) -> frozenset[str]:
    """Name words (case-folded) that the finder does not know and that appear in at least
    ``MIN_HIDDEN_BLOCKS`` of ``hidden_texts`` (the blocks that narrate)."""
    counts: dict[str, int] = {}
    for text in hidden_texts:
        for token in _tokens(text, index):
            counts[token] = counts.get(token, 0) + 1
    return frozenset(t for t, c in counts.items() if c >= MIN_HIDDEN_BLOCKS)


def names_participant(text: str, index: NameIndex, people: frozenset[str]) -> bool:
    """Does ``text`` name one of ``people``?"""
    return bool(people) and not _tokens(text, index).isdisjoint(people)
