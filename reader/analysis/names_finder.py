"""The character finder's run over one article: small steps that share the name spans and
the people found so far (see ``reader.analysis.characters`` for the overview).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.analysis.names import (
    HONORIFIC_SUFFIX,
    NameSpan,
    find_name_spans,
    fold,
    is_common,
    lower_vocabulary,
    title_word,
)
from reader.analysis.names_context import article_names, squash, title_case
from reader.analysis.names_evidence import Evidence, weigh
from reader.analysis.names_model import current, name_features
from reader.analysis.names_lexicon import (
    COMMON_WORDS,
    MEDIA,
    MONTHS_AND_DAYS,
    NATIONALITIES,
    PARTICLES,
    is_place_or_org,
)
from reader.analysis.names_links import BlockLinks, PairLink, read_links
from reader.analysis.names_lists import ranked_openers
from reader.analysis.names_mentions import find_mentions, mention_forms, partial_forms
from reader.analysis.names_people import PeopleIndex, Person, choose
from reader.analysis.names_tables import table_pairs
from reader.article import Article, Character

# How reviews name a strand of the episode ("the whole A-plot", "the B-story"): a letter and a
# plot word, capitalised only because of the letter, never a person.
_PLOT_LABEL = re.compile(r"[A-Z]-(?:plot|story|storyline|story-line)", re.I)



@dataclass(slots=True)
class WeighedName:
    """A name the fitted model decided on: its occurrences and its feature record (kept so
    ``names_train`` can learn from the same records the finder decides with)."""

    spans: list[NameSpan]
    features: dict[str, float]


class CharacterFinder:
    """One article's run of the finder; small steps that share the spans and the people."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.texts = {b.id: b.text for b in article.blocks}
        self.italics = {b.id: [(r.start, r.end) for r in b.runs if r.style == "italic"] for b in article.blocks}
        self.lower_vocab = lower_vocabulary([b.text for b in article.blocks])
        self.spans: dict[int, list[NameSpan]] = {}
        self.links: dict[int, BlockLinks] = {}
        for block in article.blocks:
            if not block.text or block.kind == "heading" and title_case(block.text):
                continue
            spans = find_name_spans(block.id, block.text, self.lower_vocab)
            self.spans[block.id] = spans
            self.links[block.id] = read_links(block.text, spans, block.kind in ("caption", "image"))
        self.excluded, self.reserved = article_names(article, self.lower_vocab)
        self.actor_keys: set[str] = set()
        self.crew_keys: set[str] = set()
        self.used: set[int] = set()
        self.people: list[Person] = []
        self.weighed: list[WeighedName] = []
        self.cast_linked = True
        self.initials: list[NameSpan] = []
        self.index = PeopleIndex([])
        self.mixed = {fold(w): w for spans in self.spans.values() for s in spans for w in s.words
                      if not w.isupper()}

    # -- steps -------------------------------------------------------------------------------

    def run(self) -> list[Character]:
        self._credits()
        self._pairs()
        self._pronouns()
        self._nicknames()
        blockers = self._unlinked()
        self._initials()
        return self._characters(blockers)

    def _credits(self) -> None:
        """Crew never become characters; names in a photo caption are the cast pictured, so they
        count as actors unless the text links them to an actor as characters. An article that
        ties no actor to anyone is about people who play themselves (a reality show, a
        documentary): there the people pictured are the ones it is about, weighed like any name."""
        has_cast = self.cast_linked = any(links.pairs or links.pronouns for links in self.links.values())
        for links in self.links.values():
            for span in links.crew:
                self._reserve(span)
                self.crew_keys.add(fold(span.key))
                self.used.add(id(span))
            for span in links.caption_names if has_cast else ():
                self._reserve(span)
                self.used.add(id(span))

    def _pairs(self) -> None:
        linked = [p for links in self.links.values() for p in links.pairs]
        linked += table_pairs(self.article.blocks, self.spans)
        pairs = [p for p in linked
                 if fold(p.actor.key) not in self.excluded and fold(p.character.key) not in self.excluded]
        counts = Counter(fold(s.key) for spans in self.spans.values() for s in spans if not s.titles)
        votes = [self._orient(pair, counts) for pair in pairs]
        reversed_majority = sum(v > 0 for v in votes) > sum(v < 0 for v in votes)
        for pair, vote in zip(pairs, votes):
            swap = vote > 0 or vote == 0 and reversed_majority
            character, actor = (pair.actor, pair.character) if swap else (pair.character, pair.actor)
            if fold(character.key) in self.crew_keys or fold(actor.key) in self.crew_keys:
                continue
            person = self._person_for(character)
            if person.actor is None:
                person.actor = self._mixed_key(actor)
            self._reserve(actor)
            self.used.update((id(character), id(actor)))

    def _orient(self, pair: PairLink, counts: Counter[str]) -> int:
        """``Name (Other)``: +1 when the text has it the other way round (Reddit writes
        ``Actor (Character)``), -1 when it is surely as written, 0 when it cannot tell (the
        article's other pairs then decide: a writer keeps one order). The character is the side
        the text goes on using; actors come with full names; a photo caption names actors."""
        left, right = pair.character, pair.actor
        if pair.fixed or left.titles or left.caps or left.nickname:
            return -1
        if fold(left.key) in self.actor_keys or fold(right.key) in self.actor_keys:
            return 1 if fold(left.key) in self.actor_keys else -1
        right_words, left_words = len(right.titles) + len(right.words), len(left.words)
        if right_words == 1 and left_words >= 2:
            return 1
        if left_words == 1 and right_words >= 2:
            return -1

        def usage(span: NameSpan) -> int:
            keys = {fold(span.key)} | {fold(w) for w in span.words if w not in PARTICLES}
            return sum(counts[k] for k in keys) - (0 if span.titles else 1)  # itself

        difference = usage(right) - usage(left)  # one more use is noise: an actor named again
        return 1 if difference > 1 else -1 if difference < -1 else 0

    def _pronouns(self) -> None:
        order = sorted(self.spans)
        for pos, block_id in enumerate(order):
            for link in self.links[block_id].pronouns:
                if id(link.actor) in self.used and fold(link.actor.key) not in self.actor_keys:
                    continue
                target = self._previous_name(order, pos, link.actor)
                if target is None:
                    continue
                person = self._person_for(target)
                if person.actor is None:
                    person.actor = self._mixed_key(link.actor)
                self._reserve(link.actor)
                self.used.update((id(target), id(link.actor)))

    def _previous_name(self, order: list[int], pos: int, actor: NameSpan) -> NameSpan | None:
        """The name written just before "Actor plays her": in the same block, else the one before."""
        same = [s for s in self.spans[order[pos]] if s.end <= actor.start]
        earlier = self.spans[order[pos - 1]] if pos else []
        keys = frozenset(p.key for p in self.people)
        for span in [*reversed(same), *reversed(earlier)]:
            if not self._could_be_person(span):
                continue
            if span.titles or len(span.words) > 1 or self.index.candidates(span.key):
                return span
            if weigh(self.texts[span.block], span, keys).grammatical_person():
                return span
        return None

    def _nicknames(self) -> None:
        for links in self.links.values():
            for nick in links.nicks:
                if self._is_reserved_name(nick.owner):
                    continue
                person = self._person_for(nick.owner)
                written = self.texts[nick.nickname.block][nick.nickname.start:nick.nickname.end]
                if written not in person.nicknames:
                    person.nicknames.append(written)
                person.forms.add(written)
                if nick.nickname.titles:  # "— Dona Rita to everyone —": later "Dona Rita" is read as "Rita"
                    person.forms.add(nick.nickname.key)
                self.used.update((id(nick.owner), id(nick.nickname)))
                self.index.add(person)

    def _unlinked(self) -> set[str]:
        """Match every other name to a person, or gather it to be weighed; returns blockers
        (longer non-character names that contain a character's word)."""
        clusters: dict[str, list[NameSpan]] = {}
        pending = [s for block_id in sorted(self.spans) for s in self.spans[block_id]
                   if id(s) not in self.used and not self._noise(s)]
        for span in pending:  # full names first, so "Ana" then "Ana Ruiz" is one person
            if len(span.words) > 1 and not self.index.candidates(span.key) and self._extend_person(span):
                self.used.add(id(span))
        for span in pending:
            if id(span) not in self.used and not self._match_person(span):
                clusters.setdefault(fold(span.key), []).append(span)
        return self._weigh_clusters(clusters)

    def _match_person(self, span: NameSpan) -> bool:
        if span.titles and len(span.words) == 1 and len(span.words[0].rstrip(".")) == 1:
            self.initials.append(span)
            return True  # "Constable B" is someone's initial, never a character of its own
        people = self.index.candidates(span.key) or self.index.candidates(HONORIFIC_SUFFIX.sub("", span.key))
        if people:
            person = choose(people, span)
            if person is not None and not span.after_determiner and not self._is_reserved_name(
                    span, allow_person=True):
                person.note(span, self.texts[span.block])
            return True
        if self._is_reserved_name(span):
            return True
        if len(span.words) > 1:
            same = self.index.reordered(span.words) or self.index.same_spelling(span.words)
            if len(same) == 1:  # family name first here, given name first there; "Ha Jin" for "Ha-jin"
                same[0].note(span, self.texts[span.block])
                return True
        if len(span.words) == 1 and not span.titles:
            same = self.index.same_spelling(span.words)
            if len(same) == 1 and fold(span.key) not in self.reserved:  # "Hajin" for "Ha-jin"
                same[0].note(span, self.texts[span.block])
                return True
            person = self.index.short_form_of(span.key)
            if person is not None and not is_place_or_org(span.words):
                person.note(span, self.texts[span.block])
                return True
        return self._extend_person(span)

    def _initials(self) -> None:
        """"Constable B", "Mr. B.": a title with an initial is a form of the one person with a
        name word starting with that letter; with none or several it names nobody."""
        for span in self.initials:
            letter = fold(span.words[0][0])
            found = [p for p in self.people if any(fold(w[:1]) == letter for w in p.words if w not in PARTICLES)]
            if len(found) == 1:
                found[0].forms.add(self.texts[span.block][span.start:span.end])
                self.index.add(found[0])

    def _extend_person(self, span: NameSpan) -> bool:
        """A fuller form of a linked name ("Ana" then "Ana Ruiz"): the person takes the full name."""
        if is_place_or_org(span.words) or span.after_determiner:
            return False
        folded = [fold(w) for w in span.words]
        found = [p for p in self.index.starting_or_ending(span.words[0], span.words[-1])
                 if len(p.words) < len(span.words)
                 and ([fold(w) for w in p.words] == folded[:len(p.words)]
                      or [fold(w) for w in p.words] == folded[-len(p.words):])]
        if len(found) != 1 or any(fold(w) in self.reserved for w in span.words):
            return False
        person = found[0]
        person.words = self._mixed_words(span)
        person.note(span, self.texts[span.block])
        self.index.add(person)
        return True

    def _weigh_clusters(self, clusters: dict[str, list[NameSpan]]) -> set[str]:
        heads: dict[str, list[NameSpan]] = {}
        runs: dict[str, list[str]] = {}  # a run of a longer head's words -> those heads
        for key in sorted(clusters, key=lambda k: (-k.count(" "), k)):
            longer = runs.get(key, [])
            if len(longer) > 1:  # "Kumar" of "Anil Kumar" and "Kumar Pharma": the person's
                longer = [k for k in longer if not is_place_or_org(heads[k][0].words)]
                if not longer:
                    continue
            if len(longer) == 1:
                heads[longer[0]].extend(clusters[key])
            elif not longer:
                heads[key] = list(clusters[key])
                words = key.split()
                for i in range(len(words)):
                    for j in range(i + 1, min(len(words), i + 4) + 1):
                        if j - i < len(words):
                            runs.setdefault(" ".join(words[i:j]), []).append(key)
        keys = frozenset(p.key for p in self.people) | frozenset(f for p in self.people for f in p.forms)
        ranked = ranked_openers(self.article, self.spans, lambda s: bool(self.index.candidates(s.key)))
        blockers: set[str] = set()
        model = current()
        for head, spans in heads.items():
            main = max(spans, key=lambda s: len(s.words))
            evidence = Evidence()
            slots = 0
            for span in spans:
                found = weigh(self.texts[span.block], span, keys)
                found.work = found.work or self._italic_title(span)
                evidence.add(found, things=fold(span.key) == head)
                slots += (span.block, span.start) in ranked  # a character's slot in a ranked list
            full_name = len(main.words) >= 2 and not any(is_common(w, self.lower_vocab) for w in main.words)
            features = name_features(evidence, len(spans), main.words, full_name, slots, self.cast_linked)
            excluded = self._hard_excluded(main, evidence)
            if not excluded:
                self.weighed.append(WeighedName(spans, features))
            if excluded or not model.is_person(features):
                if len(main.words) >= 2:
                    blockers.add(self.texts[main.block][main.name_start:main.end])
                continue
            person = Person(self._mixed_words(main), (main.block, main.start))
            self.people.append(person)
            for span in sorted(spans, key=lambda s: (s.block, s.start)):
                person.note(span, self.texts[span.block])
            self.index.add(person)
        person_words = {fold(w) for p in self.people for w in p.words}  # the people found here too
        return {b for b in blockers if any(fold(w) in person_words for w in b.split())}

    def _characters(self, blockers: set[str]) -> list[Character]:
        forms = mention_forms(self.people, self.reserved | self.excluded)
        blockers |= {f for f in self._reserved_forms() if f not in forms}
        mentions = find_mentions(self.article.blocks, forms, blockers, len(self.people),
                                 partial_forms(self.people, forms))
        result = []
        for person, found in zip(self.people, mentions):
            if not found:
                continue
            name = person.display_name()
            aliases: list[str] = []
            for _mention, text in found:
                if text != name and text not in aliases:
                    aliases.append(text)  # every form a mention has, so the sidebar can explain it
            for nick in person.nicknames:
                if nick not in aliases and nick != name:
                    aliases.append(nick)
            epithet = self._epithet(name, [m for m, _ in found])
            if epithet and epithet not in aliases:
                aliases.append(epithet)
            result.append(Character(name, person.actor, aliases, [m for m, _ in found]))
        result.sort(key=lambda c: (c.mentions[0].block, c.mentions[0].start))
        return result

    # -- helpers -----------------------------------------------------------------------------

    def _epithet(self, name: str, mentions: list) -> str | None:  # noqa: ANN001 - Mention
        """"the Ferryman", "the Abbess": a one-word name the text always writes after "the" is an
        epithet, and "the" is part of how readers know it."""
        if " " in name or not mentions:
            return None
        before = [self.texts[m.block][max(0, m.start - 4):m.start] for m in mentions]
        if all(b.casefold() == "the " for b in before):
            return f"the {name}"
        return None

    def _person_for(self, span: NameSpan) -> Person:
        people = self.index.candidates(span.key)
        person = choose(people, span) if people else None
        exact = [p for p in people if fold(p.key) == fold(span.key)]
        if exact:
            person = exact[0]
        if person is None or len(span.words) > len(person.words) and fold(person.key) != fold(span.key):
            if person is not None and len(person.words) == 1:
                person.words = self._mixed_words(span)
                person.note(span, self.texts[span.block])
                self.index.add(person)
                return person
            person = Person(self._mixed_words(span), (span.block, span.start))
            self.people.append(person)
        person.note(span, self.texts[span.block])
        self.index.add(person)
        return person

    def _mixed_words(self, span: NameSpan) -> tuple[str, ...]:
        if not span.caps:
            return span.words
        if len(span.words) == 1:  # a name only ever written in capitals stays so (an AI, a code name)
            return (self.mixed.get(fold(span.words[0])) or span.words[0],)
        return tuple(w if w in PARTICLES else self.mixed.get(fold(w)) or title_word(w) for w in span.words)

    def _mixed_key(self, span: NameSpan) -> str:
        """An actor's name as written, "Don" or "King" in it included."""
        return " ".join((*span.titles, *self._mixed_words(span)))

    def _reserve(self, span: NameSpan) -> None:
        self.actor_keys.add(fold(span.key))
        self.reserved.update(fold(w) for w in span.words if w not in PARTICLES)

    def _reserved_forms(self) -> set[str]:
        forms = set()
        for spans in self.spans.values():
            for span in spans:
                if fold(span.key) in self.actor_keys and len(span.words) >= 2:
                    forms.add(span.key)
        return forms

    def _italic_title(self, span: NameSpan) -> bool:
        """A name set in italics on its own (<em>Some Show</em>) is the title of a work."""
        text = self.texts[span.block]
        for start, end in self.italics.get(span.block, ()):
            if start <= span.start and span.end <= end and len(text[start:end].strip(" ’'s.,")) <= len(
                    text[span.start:span.end]) + 4:
                return True
        return False

    def _is_reserved_name(self, span: NameSpan, allow_person: bool = False) -> bool:
        """An actor's, crew member's, byline's, site's or show's name (or, alone, a word of one)."""
        key = fold(span.key)
        if key in self.excluded or key in self.actor_keys or len(span.words) > 1 and squash(key) in self.excluded:
            return True
        if len(span.words) == 1 and not span.titles and key in self.reserved:
            return not (allow_person and self.index.candidates(span.key))
        return False

    def _could_be_person(self, span: NameSpan) -> bool:
        if self._is_reserved_name(span) or span.after_determiner or span.caps and len(span.words) == 1:
            return False
        if len(span.words) == 1 and not span.titles and (
                is_common(span.words[0], self.lower_vocab) or span.words[0] in MONTHS_AND_DAYS):
            return False
        return not is_place_or_org(span.words)

    def _noise(self, span: NameSpan) -> bool:
        """A capitalised word that is no name at all: a common word, a month, a nationality,
        an acronym or a lone initial."""
        if span.titles:
            return False
        if len(span.words) > 1:
            return all(is_common(w, self.lower_vocab) or w in MONTHS_AND_DAYS or w in MEDIA for w in span.words)
        word = span.words[0]
        return (word.casefold() in COMMON_WORDS or _PLOT_LABEL.fullmatch(word) is not None or word in MONTHS_AND_DAYS or word in NATIONALITIES
                or word in MEDIA
                or len(word) < 2 or span.caps
                or span.sentence_start and (is_common(word, self.lower_vocab) or word.endswith("ly")))

    def _hard_excluded(self, span: NameSpan, evidence: Evidence) -> bool:
        if evidence.work or fold(span.key) in self.excluded or squash(span.key) in self.excluded:
            return True
        if span.titles:
            return False
        if is_place_or_org(span.words):
            return True
        return all(is_common(w, self.lower_vocab) for w in span.words)
