"""The term matcher finds what the per-article alternation it replaced found, without compiling it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.term_matcher import TermHit, TermMatcher


def _alternation_hits(others: set[str], characters: set[str], text: str) -> list[TermHit]:
    """The pattern the matcher stands in for: one case-blind alternation per group, longest first."""
    def alternation(terms: set[str]) -> str:
        return "|".join(re.escape(t) for t in sorted({t for t in terms if t.strip()}, key=len, reverse=True))

    parts = [f"(?P<{name}>{alternation(terms)})" for name, terms in (("o", others), ("c", characters))
             if any(t.strip() for t in terms)]
    if not parts:
        return []
    pattern = re.compile(rf"(?<![\w’'\-])(?:{'|'.join(parts)})(?![\w\-]|[’']\w\w)", re.I)
    return [TermHit(m.start(), m.end(), m.lastgroup or "") for m in pattern.finditer(text)]


def test_longest_term_of_the_first_group_wins_at_a_word_start() -> None:
    matcher = TermMatcher([("o", {"Ines Lind"}), ("c", {"Ines", "Lind", "Bram", "Bram Stoll"})])
    text = "Ines Lind plays Ines; Bram Stoll’s boat, Bram’ll go, Brams and ines-like Lind."
    assert [(text[h.start:h.end], h.group) for h in matcher.find(text)] == [
        ("Ines Lind", "o"), ("Ines", "c"), ("Bram Stoll", "c"), ("Lind", "c")]


def test_no_terms_find_nothing() -> None:
    matcher = TermMatcher([("o", set()), ("c", {" "})])
    assert not matcher
    assert matcher.find("Ines") == []


_LETTERS = "aAbBeEiInNsSéÉøß-’' "
_TERM = st.text(alphabet="aAbBeEiInNsSéÉø-’' ", min_size=1, max_size=6).filter(lambda t: not t[0].isspace())


@st.composite
def _terms_and_text(draw: st.DrawFn) -> tuple[set[str], set[str], str]:
    """Terms, some extending others ("Ines", "Ines Lind"), and a text made of them and noise."""
    others = draw(st.sets(_TERM, max_size=4))
    characters = draw(st.sets(_TERM, max_size=6))
    terms = sorted(others | characters)
    if terms:
        characters |= {t + draw(st.sampled_from(" ’.")) + draw(_TERM)
                       for t in draw(st.lists(st.sampled_from(terms), max_size=3))}
    pieces = sorted(others | characters) + ["In", "ab", "-", "’", "_", "1", "s"]
    text = ""
    for piece in draw(st.lists(st.sampled_from(pieces), max_size=12)):
        text += draw(st.sampled_from(["", " ", " ", ". ", "(", "’", "-"])) + piece
    if draw(st.booleans()):
        text = text.swapcase()
    return others, characters, text


@settings(max_examples=400, deadline=None)
@given(_terms_and_text())
def test_matches_what_the_alternation_matched(case: tuple[set[str], set[str], str]) -> None:
    others, characters, text = case
    assert TermMatcher([("o", others), ("c", characters)]).find(text) == _alternation_hits(others, characters, text)


@given(text=st.text(max_size=40))
def test_any_text_reads_without_error(text: str) -> None:
    hits = TermMatcher([("c", {"Ines", "İlker", "Strauß"})]).find(text)
    assert all(0 <= h.start < h.end <= len(text) for h in hits)
