"""Every place a character is named: one pass per block over its runs of capitalised words
(the tokenizer's single regex pass, shared with the name finder), longest form first, each form
a dictionary look-up, so the cost is linear in the text however many characters there are.

The forms are each person's full name, the forms the text wrote (with titles, in capitals), its
nicknames and each word of its name that no one else shares. Names of actors, crew and companies
that contain such a word ("<Surname> Pharmacy") are known too, as blockers, so the longer name
wins and is not counted as a mention.
"""

from __future__ import annotations

import re

from reader.analysis.names import HONORIFIC_SUFFIX, fold, name_runs
from reader.analysis.names_lexicon import COMMON_WORDS, PARTICLES
from reader.analysis.names_people import Person
from reader.article import Block, Mention

_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|The|A|An)[ \u00a0]+$")


def mention_forms(people: list[Person], reserved: set[str]) -> dict[str, int]:
    """Written form -> index of the person it names. ``reserved`` are folded words that belong to
    actors or crew, never used alone as a character's short name."""
    owners: dict[str, set[int]] = {}
    for index, person in enumerate(people):
        forms = {person.key, person.display_name(), *person.forms, *person.nicknames}
        words = [w for w in person.words if w not in PARTICLES]
        for i in range(len(person.words)):
            for j in range(i + 1, len(person.words) + 1):
                part = person.words[i:j]
                if part[0] in PARTICLES or part[-1] in PARTICLES:
                    continue
                if j - i == 1 and (fold(part[0]) in reserved or part[0].casefold() in COMMON_WORDS
                                   or len(part[0]) < 2):
                    continue
                forms.add(" ".join(part))
        for title in person.titles:
            for word in (words[:1] + words[-1:]):
                forms.add(f"{title} {word}")
        for form in forms:
            owners.setdefault(form, set()).add(index)
    return {form: next(iter(ids)) for form, ids in owners.items() if len(ids) == 1}


def partial_forms(people: list[Person], forms: dict[str, int]) -> set[str]:
    """Forms that are one word of a longer name (a surname alone): "the <Surname> farm" uses it
    as a modifier, not as a mention."""
    full = {p.key for p in people} | {n for p in people for n in p.nicknames}
    return {f for f, i in forms.items() if " " not in f and f not in full and len(people[i].words) > 1}


def find_mentions(blocks: list[Block], forms: dict[str, int], blockers: set[str], count: int,
                  partial: set[str]) -> list[list[tuple[Mention, str]]]:
    """Mentions per person (with the text matched), in reading order: over each run of
    capitalised words, the longest form (or blocker) starting at each word wins."""
    found: list[list[tuple[Mention, str]]] = [[] for _ in range(count)]
    known = {f.replace("\u00a0", " "): i for f, i in forms.items()}
    known.update({b.replace("\u00a0", " "): -1 for b in blockers if b not in known})
    longest = max((f.count(" ") + 1 for f in known), default=0) + 2
    for block in blocks:
        text = block.text
        for run in name_runs(text):
            i = 0
            while i < len(run):
                i = _match_at(text, run, i, known, longest, partial, block.id, found)
    return found


def _match_at(text: str, run: tuple, i: int, known: dict[str, int], longest: int,  # noqa: ANN001
              partial: set[str], block_id: int, found: list[list[tuple[Mention, str]]]) -> int:
    """Match the longest known form starting at token ``i``; return the next token to try."""
    start = run[i][0]
    for j in range(min(len(run), i + longest), i, -1):
        written = text[start:run[j - 1][1]].replace("\u00a0", " ")
        index = known.get(written)
        if index is None and j == i + 1:
            stem = HONORIFIC_SUFFIX.sub("", written)  # "Mori-san" names Mori
            index, written = known.get(stem), stem
        if index is None:
            continue
        if index >= 0 and not (written in partial and _DETERMINER_BEFORE.search(text, max(0, start - 8), start)):
            found[index].append((Mention(block_id, start, start + len(written)), written))
        return j
    return i + 1
