"""Every place a character is named: one combined regex pass per block, longest form first.

The forms are each person's full name, the forms the text wrote (with titles, in capitals), its
nicknames and each word of its name that no one else shares. Names of actors, crew and companies
that contain such a word ("<Surname> Pharmacy") are matched too, as blockers, so the longer
match wins and is not counted as a mention.
"""

from __future__ import annotations

import re

from reader.analysis.names import fold
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


def compile_forms(forms: dict[str, int], blockers: set[str]) -> re.Pattern[str] | None:
    """One alternation, longest first, whole words only (a hyphen joins words)."""
    every = sorted(set(forms) | blockers, key=len, reverse=True)
    if not every:
        return None
    body = "|".join(re.escape(f) for f in every)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def partial_forms(people: list[Person], forms: dict[str, int]) -> set[str]:
    """Forms that are one word of a longer name (a surname alone): "the <Surname> farm" uses it
    as a modifier, not as a mention."""
    full = {p.key for p in people} | {n for p in people for n in p.nicknames}
    return {f for f, i in forms.items() if " " not in f and f not in full and len(people[i].words) > 1}


def find_mentions(blocks: list[Block], pattern: re.Pattern[str] | None, forms: dict[str, int],
                  count: int, partial: set[str]) -> list[list[tuple[Mention, str]]]:
    """Mentions per person (with the text matched), in reading order."""
    found: list[list[tuple[Mention, str]]] = [[] for _ in range(count)]
    if pattern is None:
        return found
    for block in blocks:
        text = block.text
        for match in pattern.finditer(text):
            written = match.group(0)
            index = forms.get(written)
            if index is None:
                continue
            if written in partial and _DETERMINER_BEFORE.search(text, max(0, match.start() - 8), match.start()):
                continue
            found[index].append((Mention(block.id, match.start(), match.end()), written))
    return found
