"""Properties of the judge and the moment finder on arbitrary articles: never crash, one verdict
per block, spans inside their text, a hidden block carries no spans, reasons always given, and
the same answer twice (deterministic). Plus time linear in article length."""

from __future__ import annotations


import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from reader.analysis.moments import find_key_moments  # noqa: E402
from reader.analysis.spoilers import judge_blocks  # noqa: E402
from reader.article import Article, Block, Character, EpisodeInfo, MarkedSpoiler  # noqa: E402

WORDS = ["Ingrid", "Tomasz", "she", "he", "finds", "the", "ledger", "Spoilers", "below", "End", "of",
         "spoilers.", "Key", "Moments", "streams", "on", "Fridays", "(Marte", "Lunde)", "“I", "know.”",
         "that", "night", "No", "spoilers", "1.", "dies", "‘", "||", ">!", "Ａ", "é", "\u200b", ""]
KINDS = ["heading", "paragraph", "list_item", "quote", "caption", "image"]

texts = st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join)
markups = st.lists(st.tuples(st.integers(-5, 80), st.integers(-5, 80)), max_size=2)
blocks = st.lists(st.tuples(st.sampled_from(KINDS), texts, markups, st.one_of(st.none(), st.integers(1, 9))),
                  max_size=14)
CAST = [Character("Ingrid Solberg", "Marte Lunde", ["Ingrid"]), Character("Tomasz", None, [])]


def _article(items) -> Article:  # noqa: ANN001
    built = []
    for i, (kind, text, marks, ordinal) in enumerate(items):
        spoilers = [MarkedSpoiler("class", a, b) for a, b in marks]
        built.append(Block(i, kind, text, spoiler_markup=spoilers, ordinal=ordinal))
    return Article("t", built, None, "text")


@given(blocks, st.booleans())
def test_verdicts_are_well_formed(items, known_cast: bool) -> None:  # noqa: ANN001
    article = _article(items)
    characters = CAST if known_cast else []
    verdicts = judge_blocks(article, characters, EpisodeInfo("Cold Harbour"))
    assert len(verdicts) == len(article.blocks)
    for block, verdict in zip(article.blocks, verdicts):
        if verdict.spoiler:
            assert verdict.reason and verdict.spans == []
        else:
            assert verdict.reason is None
        for span in verdict.spans:
            assert span.reason
            assert 0 <= span.start < span.end <= len(block.text)
    again = judge_blocks(article, characters, EpisodeInfo("Cold Harbour"))
    assert [(v.spoiler, v.reason, v.spans, v.other_show) for v in again] == \
        [(v.spoiler, v.reason, v.spans, v.other_show) for v in verdicts]
    for moment in find_key_moments(article, verdicts):
        assert moment.block is not None and 0 <= moment.block < len(article.blocks)
        if verdicts[moment.block].spoiler:
            assert moment.spoiler
