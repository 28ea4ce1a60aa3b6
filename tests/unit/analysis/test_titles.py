"""Headlines that spoil, and the safe title shown in their place (invented shows throughout)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.episode import read_episode
from reader.analysis.titles import judge_title, safe_title_for
from reader.article import Article, Block, BlockVerdict, Character


def _article(title: str, blocks: list[tuple[str, bool]] | None = None, site: str | None = None,
             description: str | None = None) -> tuple[Article, list[BlockVerdict]]:
    blocks = blocks or [("A paragraph about the weather and the acting.", False)]
    article = Article(title, [Block(i, "paragraph", text) for i, (text, _) in enumerate(blocks)], None, "text",
                      site=site, description=description)
    verdicts = [BlockVerdict(spoiler=hidden, reason="test" if hidden else None) for _, hidden in blocks]
    return article, verdicts


def _judge(title: str, characters: list[Character] | None = None, **kwargs) -> tuple[bool, str]:  # noqa: ANN003
    article, verdicts = _article(title, **kwargs)
    return judge_title(article, read_episode(article), characters or [], verdicts)


NORA = Character("Nora Vance", "Ida Brenner", ["Nora"])
ADEBAYO = Character("Tunde Adebayo", None, ["Tunde"])


@pytest.mark.parametrize(
    "title",
    [
        "‘Copper Bell’ episode one recap: a tender tale that leaves us smiling",
        "‘Copper Bell’ Premiere Review: A Slow Drama That Earns Its Silences",
        "‘Copper Bell’ Episode 8: Seven Scenes We Loved, In Order",
        "Copper Bell 3x05 “Undertow” — notes and musings (tags inside)",
        "Weekly Notes #9: The ‘Copper Bell’ finale, plus three new shows to try",
        "Copper Bell: Episode 4 Recap",
        "‘Copper Bell’ episode one recap: a mill, a loan and a woman who will not bend",
        "‘Copper Bell’ S03E10 recap: a season finale that trusts its quiet",
        "Copper Bell 2x05 “The Betrayal” — discussion thread",  # an official episode title is public
        "Copper Bell S2E5 recap: Ida Brenner is phenomenal",  # the actor, not the character
        "Copper Bell S2E5 review: Netflix’s best show",
        "Copper Bell recap: Is this the best drama on TV?",
    ],
)
def test_review_phrasing_is_not_a_spoiler(title: str) -> None:
    spoiler, _ = _judge(title, [NORA, ADEBAYO])
    assert spoiler is False


@pytest.mark.parametrize(
    ("title", "characters"),
    [
        ("‘Copper Bell’ Season 2, Episode 5 Recap: Nora’s Secret Goes Out On the Ferry", [NORA]),
        ("Copper Bell S2E5 recap: Nora makes her choice", [NORA]),
        ("Copper Bell S2E5 recap: Tunde Adebayo Takes The Wheel", [ADEBAYO]),
        ("Copper Bell series 2, episode 3 review: Emrys confesses, and Nell walks away", []),
        ("Copper Bell episode 6: the night Ana left the village", []),
        ("Copper Bell episode 6: Ana’s long goodbye", []),
        ("Copper Bell S1E2 recap: who dies in the flood", []),
        ("Copper Bell recap: the killer was hiding in plain sight", []),
        ("Copper Bell S1E2 recap: a wedding, a funeral and a boat", []),
        ("Copper Bell S2E5 recap: Captain Yoon goes overboard", []),
        ("Copper Bell S2E5 recap: Nora Vance returns", []),
        ("Copper Bell S2E5 recap: Who killed Daniel?", []),
    ],
)
def test_plot_in_the_headline_is_a_spoiler(title: str, characters: list[Character]) -> None:
    spoiler, safe = _judge(title, characters)
    assert spoiler is True
    assert safe.startswith("Copper Bell")


def test_a_name_found_only_in_hidden_text_hides_the_headline() -> None:
    hidden_only = Character("Marisol Ortega", None, ["Marisol"], spoiler=True)
    spoiler, _ = _judge("Copper Bell recap: Marisol", [hidden_only])
    assert spoiler is True


def test_a_proper_noun_the_reader_could_only_see_in_hidden_text() -> None:
    hidden = [("Opinion about the score.", False), ("At dawn they reach Valdera and the ferry is gone.", True)]
    assert _judge("Copper Bell S1E4 recap: The Road To Valdera", blocks=hidden)[0] is True
    shown = [("The series is set in Valdera, a port town.", False), ("At dawn they reach Valdera.", True)]
    assert _judge("Copper Bell S1E4 recap: The Road To Valdera", blocks=shown)[0] is False


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("‘Copper Bell’ Season 2, Episode 5 Recap: Nora’s Secret", "Tellyweek", "Copper Bell S2E5 recap — Tellyweek"),
        ("‘Copper Bell’ episode one recap: love", None, "Copper Bell episode 1 recap"),
        ("‘Copper Bell’ season finale review: the end", None, "Copper Bell finale review"),
        ("S2E5 “Undertow” – a rambling breakdown", "reddit", "S2E5 recap — reddit"),
        ("S2E5 “Undertow” – discussion thread", "reddit", "S2E5 discussion — reddit"),
        ("Nora wins the bet", "Tellyweek", "Recap — Tellyweek"),
        ("Nora wins the bet", None, "Recap"),
        ("S2E4 “Fog” – thoughts", "r/CopperBell", "Copper Bell S2E4 discussion"),
    ],
)
def test_safe_title_is_built_from_show_episode_and_site(title: str, site: str | None, expected: str) -> None:
    article, verdicts = _article(title, site=site)
    assert safe_title_for(article, read_episode(article), verdicts) == expected
    assert judge_title(article, read_episode(article), [], verdicts)[1] == expected


def test_safe_title_leaves_out_a_show_named_only_in_hidden_text() -> None:
    article, verdicts = _article("S2E5 thoughts", [("Spoilers for Copper Bell Season 2, Episode 5 ahead.", True)])
    episode = read_episode(article)
    assert episode.show == "Copper Bell"
    assert safe_title_for(article, episode, verdicts) == "S2E5 discussion"


_word = st.text(alphabet=st.characters(min_codepoint=97, max_codepoint=122), min_size=4, max_size=9)


@given(secret=st.lists(_word, min_size=1, max_size=6), season=st.integers(1, 9), number=st.integers(1, 30),
       site=st.sampled_from([None, "Tellyweek", "The Daily Reel"]))
def test_safe_title_uses_only_show_episode_site_and_kind(secret: list[str], season: int, number: int,
                                                         site: str | None) -> None:
    plot = " ".join(secret)
    article, verdicts = _article(f"‘Copper Bell’ S{season}E{number} recap: {plot}",
                                 [("An opinion about the acting.", False), (f"Then {plot}.", True)], site=site)
    safe = safe_title_for(article, read_episode(article), verdicts)
    allowed = {"Copper", "Bell", f"S{season}E{number}", "recap", "—", *(site or "").split()}
    assert set(safe.split()) <= allowed


def _labelled(shared: Path | None) -> list[Path]:
    own = sorted((Path(__file__).resolve().parents[2] / "data" / "recaps").glob("*.labels.json"))
    dev = sorted([*shared.glob("corpus/recaps/*.labels.json"), *shared.glob("samples/*.labels.json")]) if shared else []
    return own + dev


def test_safe_titles_only_use_words_the_reader_can_already_see(shared_dir: Path) -> None:
    import json
    import re

    from reader.analysis import analyze
    from reader.loaders import load

    kinds = {"recap", "review", "discussion", "episode", "finale", "season", "—", "Recap"}
    for labels_path in _labelled(shared_dir):
        article = load(labels_path.parent / json.loads(labels_path.read_text(encoding="utf-8"))["file"])
        analysis = analyze(article)
        visible = " ".join([article.title, article.site or "", article.description or "",
                            *(b.text for b, v in zip(article.blocks, analysis.verdicts) if not v.spoiler)])
        for word in analysis.safe_title.split():
            if word in kinds or re.fullmatch(r"S\d+E\d+|\d+", word):
                continue
            assert word.casefold() in visible.casefold(), (labels_path.name, analysis.safe_title, word)


@pytest.mark.parametrize(
    ("name", "spoiler"),
    [("episode-hollow-road-series-2-episode-3.txt", True), ("episode-kestrel-yard-s03e10-finale.html", False),
     ("episode-dizi-diary-gul-bahcesi-ep27.md", False)],
)
def test_our_headlines(name: str, spoiler: bool) -> None:
    from reader.analysis import analyze
    from reader.loaders import load

    analysis = analyze(load(Path(__file__).resolve().parents[2] / "data" / "recaps" / name))
    assert analysis.title_spoiler is spoiler


@settings(max_examples=300, deadline=None)
@given(word=st.text(alphabet="Abé’s", min_size=1, max_size=3).filter(lambda w: w[0].isupper()),
       pieces=st.lists(st.sampled_from(["Ab", "Abé", "b", ". ", "! ", ".\n", " ", "_", "1", "-", "’s", "x"]), max_size=8))
def test_a_word_used_mid_sentence_is_found_as_the_pattern_found_it(word: str, pieces: list[str]) -> None:
    """``used_mid_sentence`` stands in for a pattern compiled per headline word."""
    import re

    from reader.analysis.titles import used_mid_sentence

    text = "".join(p if p != "x" else word for p in pieces)
    expected = bool(re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(word)}\b", text))
    assert used_mid_sentence(word, text) == expected
