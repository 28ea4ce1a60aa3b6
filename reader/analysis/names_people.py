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


@dataclass
class Person:
    """A character in the making: its name words, titles and nicknames seen, the actor."""

    words: tuple[str, ...]
    first: tuple[int, int]
    actor: str | None = None
    titles: list[str] = field(default_factory=list)
    nicknames: list[str] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)
    count: int = 0

    @property
    def key(self) -> str:
        return " ".join(self.words)

    def display_name(self) -> str:
        """The fullest name; a lone name keeps its title ("Father Okoro", "Doña Rosa")."""
        if len([w for w in self.words if w not in PARTICLES]) >= 2 or not self.titles:
            return self.key
        return f"{self.titles[0]} {self.key}"

    def note(self, span: NameSpan, text: str) -> None:
        """Record one written occurrence (its title and its form as written)."""
        self.count += 1
        for title in span.titles:
            if bare_title(title) in TITLES and title not in self.titles:
                self.titles.append(title)
        self.forms.add(text[span.start:span.end])
        if span.nickname and span.nickname not in self.nicknames:
            self.nicknames.append(span.nickname)
        if (span.block, span.start) < self.first:
            self.first = (span.block, span.start)


class PeopleIndex:
    """Look-up from a folded name (or part of one) to the people it can mean."""

    def __init__(self, people: list[Person]) -> None:
        self._parts: dict[str, list[Person]] = {}
        self._given: list[tuple[str, Person]] = []
        for person in people:
            self.add(person)

    def add(self, person: Person) -> None:
        words = person.words
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                part = words[i:j]
                if part[0] in PARTICLES or part[-1] in PARTICLES:
                    continue
                self._put(fold(" ".join(part)), person)
        for nick in person.nicknames:
            self._put(fold(nick), person)
        for form in person.forms:
            self._put(fold(form), person)
        for word in words:
            if word not in PARTICLES and len(word) >= 5:
                self._given.append((fold(word), person))

    def _put(self, key: str, person: Person) -> None:
        bucket = self._parts.setdefault(key, [])
        if person not in bucket:
            bucket.append(person)

    def candidates(self, key: str) -> list[Person]:
        """People whose name (or a run of its words, a nickname, a form seen) folds to ``key``."""
        return self._parts.get(fold(key), [])

    def short_form_of(self, word: str) -> Person | None:
        """The one person whose name word starts or ends with ``word`` ("Rina" in "Marina")."""
        folded = fold(word)
        if len(folded) < 3:
            return None
        found = {id(p): p for w, p in self._given
                 if len(w) >= len(folded) + 2 and (w.startswith(folded) or w.endswith(folded))}
        return next(iter(found.values())) if len(found) == 1 else None


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
