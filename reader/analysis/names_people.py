"""The people the character finder has settled on, and how a written name is matched to one of
them: the full name, any run of its words ("Ana", "de la Vega", "Ana Lucía"), a spelling without
accents ("Joji" for a "Jōji"), a title with part of the name ("Chief Okafor"), a nickname, or a
short form of a given name ("Rina" for a "Marina"). A word shared by two people (a family name)
names neither.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.analysis.names import NameSpan, bare_title, fold
from reader.analysis.names_lexicon import PARTICLES, TITLES


@dataclass(eq=False)
class Person:
    """A character in the making: its name words, titles and nicknames seen, the actor."""

    words: tuple[str, ...]
    first: tuple[int, int]
    actor: str | None = None
    titles: list[str] = field(default_factory=list)
    post_titles: list[str] = field(default_factory=list)
    nicknames: list[str] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)
    count: int = 0

    @property
    def key(self) -> str:
        return " ".join(self.words)

    def display_name(self) -> str:
        """The fullest name; a lone name keeps its title ("Father Okoro", "Doña Rosa", "Ayşe Hanım")."""
        if len([w for w in self.words if w not in PARTICLES]) >= 2:
            return self.key
        if self.titles:
            return f"{self.titles[0]} {self.key}"
        return f"{self.key} {self.post_titles[0]}" if self.post_titles else self.key

    def note(self, span: NameSpan, text: str) -> None:
        """Record one written occurrence (its title and its form as written)."""
        self.count += 1
        for title in span.titles:
            if bare_title(title) in TITLES and title not in self.titles:
                self.titles.append(title)
        if span.post_title and span.post_title not in self.post_titles:
            self.post_titles.append(span.post_title)
        self.forms.add(text[span.start:span.end])
        if span.nickname and span.nickname not in self.nicknames:
            self.nicknames.append(span.nickname)
        if (span.block, span.start) < self.first:
            self.first = (span.block, span.start)


class PeopleIndex:
    """Look-ups from a folded name (or part of one) to the people it can mean. Every look-up is
    a dictionary access, so an article naming thousands of people stays linear."""

    def __init__(self, people: list[Person]) -> None:
        self._parts: dict[str, dict[int, Person]] = {}
        self._affixes: dict[str, dict[int, Person]] = {}
        self._word_sets: dict[frozenset[str], dict[int, Person]] = {}
        self._edges: dict[str, dict[int, Person]] = {}
        self._spellings: dict[str, dict[int, Person]] = {}
        for person in people:
            self.add(person)

    def add(self, person: Person) -> None:
        """Index ``person`` under every run of its words, its nicknames and the forms seen
        (adding again after the name grew keeps the old runs, which are runs of the new name)."""
        words = person.words
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                part = words[i:j]
                if part[-1] in PARTICLES or part[0] in PARTICLES and (
                        j < len(words) or all(w in PARTICLES for w in part)):
                    continue  # a particle alone or inside; "van der Berg" (the surname) stays
                _put(self._parts, fold(" ".join(part)), person)
        for nick in person.nicknames:
            _put(self._parts, fold(nick), person)
        for form in person.forms:
            _put(self._parts, fold(form), person)
        folded = [fold(w) for w in words if w not in PARTICLES]
        _put(self._word_sets, frozenset(folded), person)
        _put(self._word_sets, frozenset(_unhyphenated(w) for w in folded), person)
        for i in range(len(folded)):
            for j in range(i + 1, len(folded) + 1):
                _put(self._spellings, "".join(_unhyphenated(w) for w in folded[i:j]), person)
        if folded:
            _put(self._edges, "<" + folded[0], person)
            _put(self._edges, folded[-1] + ">", person)
        for word in folded:
            for size in range(3, len(word) - 1):
                _put(self._affixes, word[:size] + "…", person)
                _put(self._affixes, "…" + word[-size:], person)

    def candidates(self, key: str) -> list[Person]:
        """People whose name (or a run of its words, a nickname, a form seen) folds to ``key``."""
        return list(self._parts.get(fold(key), {}).values())

    def reordered(self, words: tuple[str, ...]) -> list[Person]:
        """People with exactly these name words in another order (family name first), with or
        without the hyphen ("Ha-jin Seo", "Hajin Seo" for "Seo Ha-jin")."""
        folded = [fold(w) for w in words if w not in PARTICLES]
        return list((self._word_sets.get(frozenset(folded))
                     or self._word_sets.get(frozenset(_unhyphenated(w) for w in folded), {})).values())

    def same_spelling(self, words: tuple[str, ...]) -> list[Person]:
        """People with a run of name words spelled the same once spaces and hyphens go: the
        romanisations "Ha Jin", "Hajin" and "Ha-jin" of one given name."""
        key = "".join(_unhyphenated(fold(w)) for w in words if w not in PARTICLES)
        return list(self._spellings.get(key, {}).values()) if len(key) >= 4 else []

    def starting_or_ending(self, first: str, last: str) -> list[Person]:
        """People whose name starts with ``first`` or ends with ``last`` (folded words)."""
        found = {**self._edges.get("<" + fold(first), {}), **self._edges.get(fold(last) + ">", {})}
        return list(found.values())

    def short_form_of(self, word: str) -> Person | None:
        """The one person whose name word starts or ends with ``word`` ("Rina" in "Marina")."""
        folded = fold(word)
        if len(folded) < 3:
            return None
        found = {**self._affixes.get(folded + "…", {}), **self._affixes.get("…" + folded, {})}
        return next(iter(found.values())) if len(found) == 1 else None


def _unhyphenated(word: str) -> str:
    return word.replace("-", "").replace("‐", "")


def _put(index: dict, key, person: Person) -> None:  # noqa: ANN001 - str or frozenset key
    index.setdefault(key, {})[id(person)] = person


def choose(people: list[Person], span: NameSpan) -> Person | None:
    """The person a name means when it can mean several: one introduced with the same title, or
    for a titled name the most mentioned one; an untitled shared name means nobody."""
    if len(people) == 1:
        return people[0]
    if not span.titles:
        return None
    titled = [p for p in people if any(t in p.titles for t in span.titles)]
    if len(titled) == 1:
        return titled[0]
    ranked = sorted(people, key=lambda p: -p.count)
    return ranked[0] if ranked[0].count > ranked[1].count else None
