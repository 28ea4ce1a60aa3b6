"""Reading show / season / episode from headlines, metadata and text (invented shows throughout)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.episode import read_episode
from reader.analysis.episode_refs import find_refs, number_value
from reader.article import Article, Block, EpisodeInfo
from reader.loaders import load

DATA = Path(__file__).resolve().parents[2] / "data" / "recaps"


def article(title: str, *paragraphs: str, site: str | None = None, description: str | None = None,
            byline: str | None = None) -> Article:
    blocks = [Block(i, "paragraph", text) for i, text in enumerate(paragraphs)]
    return Article(title, blocks, None, "text", byline=byline, site=site, description=description)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("‘Copper Bell’ episode one recap: a quiet start", ("Copper Bell", None, 1)),
        ("Copper Bell Episode 4 Recap", ("Copper Bell", None, 4)),
        ("Copper Bell Ep. 8: our five favourite scenes", ("Copper Bell", None, 8)),
        ("Copper Bell S2E5 recap: the long night", ("Copper Bell", 2, 5)),
        ("Copper Bell S02E05 review", ("Copper Bell", 2, 5)),
        ("‘Copper Bell’ Season 2, Episode 5 Recap: The Long Night", ("Copper Bell", 2, 5)),
        ("Copper Bell season two episode five recap", ("Copper Bell", 2, 5)),
        ("Copper Bell 2x05 “Low Tide” — notes and musings", ("Copper Bell", 2, 5)),
        ("Copper Bell series 3, episode 2 review: rain again", ("Copper Bell", 3, 2)),
        ("Copper Bell episode 82 recap", ("Copper Bell", None, 82)),
        ("Copper Bell episode twenty-one recap", ("Copper Bell", None, 21)),
        ("‘Copper Bell’ capítulo 12: la boda", ("Copper Bell", None, 12)),
        ("Copper Bell: Episode 4 Recap", ("Copper Bell", None, 4)),
        ("Recap: Episode 4 of Copper Bell", ("Copper Bell", None, 4)),
        ("[Spoilers] Copper Bell - 2x05 'Low Tide' - Episode Discussion", ("Copper Bell", 2, 5)),
        ("“The Salt Road” S01E03 recap", ("The Salt Road", 1, 3)),
        ("‘The Miller’s Wife’ episode one recap: flour and debts", ("The Miller’s Wife", None, 1)),
        ("‘Chorus #2’ episode one recap", ("Chorus #2", None, 1)),
        ("‘Copper Bell’ premiere review: slow and sure", ("Copper Bell", None, 1)),
        ("‘Copper Bell’ series premiere recap", ("Copper Bell", None, 1)),  # no season stated
        ("‘Copper Bell’ season 3 premiere recap", ("Copper Bell", 3, 1)),
        ("Copper Bell pilot recap: the town, the bell", ("Copper Bell", None, 1)),
        ("Copper Bell, the third season: episode 6 recap", ("Copper Bell", 3, 6)),
        ("Copper Bell 2.05 recap", ("Copper Bell", 2, 5)),
        ("Copper Bell | S2 E5 | Recap", ("Copper Bell", 2, 5)),
        ("Copper Bell Staffel 2 Folge 5", ("Copper Bell", 2, 5)),
        ("Copper Bell S2 Ep 5 recap", ("Copper Bell", 2, 5)),
        ("‘Copper Bell’ Recap, Season 2 Episode 5: ‘Low Tide’", ("Copper Bell", 2, 5)),
        ("Copper Bell Season 2 Premiere Recap", ("Copper Bell", 2, 1)),
        ("Copper Bell’s second season finale", ("Copper Bell", 2, None)),
    ],
)
def test_headline_phrasings(title: str, expected: tuple) -> None:
    info = read_episode(article(title, "Nothing in the body names an episode."))
    assert (info.show, info.season, info.episode) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("TV recap — Copper Bell, S2E5: a quiet one", ("Copper Bell", 2, 5)),
        ("Everything that happened in Copper Bell season 2 episode 5", ("Copper Bell", 2, 5)),
        ("Everything That Happened In Copper Bell Season 2 Episode 5", ("Copper Bell", 2, 5)),
        ("Nora’s secret: Copper Bell S2E5 recap", ("Copper Bell", 2, 5)),
        ("Copper Bell - S2E5 - Low Tide", ("Copper Bell", 2, 5)),
        ("my thoughts on Copper Bell S2E5", ("Copper Bell", 2, 5)),
        ("Episode 5 recap: Copper Bell", ("Copper Bell", None, 5)),
        ("Copper Bell (2023) S2E5 recap", ("Copper Bell", 2, 5)),
        ("COPPER BELL S2E5 RECAP", ("Copper Bell", 2, 5)),
        ("copper bell s2e5 recap", ("Copper Bell", 2, 5)),
        ("S2E5 recap: Nora confesses", (None, 2, 5)),
        ("Weekly Notes #9: The Salt Road finale", ("Salt Road", None, None)),  # the body never says "The"
    ],
)
def test_unquoted_names_are_checked_against_the_body(title: str, expected: tuple) -> None:
    body = "Copper Bell has been the best thing on television. Nora is great. Salt Road too."
    info = read_episode(article(title, body, site="Weekly Notes"))
    assert (info.show, info.season, info.episode) == expected


def test_a_quoted_episode_title_after_the_code_is_not_the_show() -> None:
    info = read_episode(article("S2E5 “Low Tide” – a rambling breakdown (tags inside)", "I loved it."))
    assert info.show is None
    assert (info.season, info.episode) == (2, 5)


def test_show_from_the_warning_line_when_the_headline_has_none() -> None:
    info = read_episode(article("S2E5 “Low Tide” – a rambling breakdown",
                                "Warning: this post has spoilers for Copper Bell Season 2, Episode 5."))
    assert info == EpisodeInfo("Copper Bell", 2, 5)


def test_show_from_a_quoted_name_after_of() -> None:
    info = read_episode(article("A recap in three acts", "This recap contains spoilers for episode one of ‘The Miller’s Wife’."))
    assert (info.show, info.episode) == ("The Miller’s Wife", 1)


def test_show_from_a_subreddit() -> None:
    info = read_episode(article("S2E5 “Low Tide” – thoughts", "Loved it.", site="r/CopperBell"))
    assert info.show == "Copper Bell"


def test_community_site_of_a_user_post_is_the_show() -> None:
    post = article("S2E4 “Fog” – thoughts", "Loved it.", site="CopperBell", byline="bell_ringer_99")
    assert read_episode(post).show == "Copper Bell"
    news = article("S2E4 “Fog” – thoughts", "Loved it.", site="ScreenPost", byline="Jane Harlow")
    assert read_episode(news).show is None


def test_the_site_is_never_the_show() -> None:
    info = read_episode(article("Tellyweek: Episode 4 recap", "Fine.", site="Tellyweek"))
    assert info.show is None and info.episode == 4


def test_newsletter_prefix_is_not_the_show() -> None:
    info = read_episode(article("Weekly Notes #9: The ‘Copper Bell’ finale, and what’s next", "Hi all.",
                                site="Weekly Notes"))
    assert (info.show, info.finale) == ("Copper Bell", True)


def test_episode_from_the_body_when_the_headline_has_none() -> None:
    info = read_episode(article("‘Copper Bell’ recap: rain, again",
                                "Episode 6 is where the show finds its feet.",
                                "Full spoilers for episode 6 below.", "It is better than episode 2 was."))
    assert info == EpisodeInfo("Copper Bell", None, 6)


def test_episode_from_the_description() -> None:
    info = read_episode(article("This week in Copper Bell", "A long paragraph.",
                                description="Our recap of episode 6 of Copper Bell."))
    assert info.episode == 6


def test_no_season_when_none_is_stated() -> None:
    info = read_episode(article("Moon Garden Episode 4 recap", "Easily the strongest hour so far this season.",
                                "The second lead is going to suffer by episode 10."))
    assert (info.season, info.episode) == (None, 4)


def test_season_beside_the_show_in_the_body() -> None:
    stated = read_episode(article("Copper Bell episode 4 recap", "Copper Bell Season 2 streams on Thursdays."))
    assert stated.season == 2
    future = read_episode(article("Copper Bell episode 4 recap", "Copper Bell Season 3 has been confirmed for 2026.",
                                  "The network confirmed a second season of Copper Bell."))
    assert future.season is None


def test_premiere_in_running_text_only_when_named() -> None:
    named = read_episode(article("‘Copper Bell’ review: a saga that trusts its silences",
                                 "This review covers the series premiere and is spoiler-free."))
    assert (named.season, named.episode) == (None, 1)
    back = read_episode(article("‘Copper Bell’ recap: the flood", "Nothing this good has happened since the premiere."))
    assert back.episode is None


def test_season_of_a_premiere_from_the_first_season() -> None:
    info = read_episode(article("‘Copper Bell’ premiere review", "All of the first season was shot in the same valley."))
    assert (info.season, info.episode) == (1, 1)


@pytest.mark.parametrize(
    ("body", "episode"),
    [
        (["All 12 episodes are streaming now."], 12),
        (["Come back once you have seen episode 24 of Copper Bell."], 24),
        (["The ten-episode season ends in fire."], 10),
        (["The finale, episode 9, is the best hour of the year."], 9),
        (["The fields that burned in episode 4 are green again."], None),  # an earlier episode
        (["A lovely ending."], None),
    ],
)
def test_finale_number_only_when_stated(body: list[str], episode: int | None) -> None:
    info = read_episode(article("‘Copper Bell’ season finale recap", *body))
    assert info.finale and info.show == "Copper Bell"
    assert info.episode == episode


def test_midseason_finale_is_not_the_finale() -> None:
    assert not read_episode(article("Copper Bell midseason finale recap", "Wow.")).finale


def test_a_pilot_who_flies_is_not_an_episode() -> None:
    info = read_episode(article("‘Copper Bell’ recap: the shuttle pilot returns", "Hm."))
    assert info.episode is None


@pytest.mark.parametrize(("text", "value"), [("82", 82), ("one", 1), ("Twenty-One", 21), ("third", 3),
                                             ("3rd", 3), ("eighty two", 82), ("many", None)])
def test_number_value(text: str, value: int | None) -> None:
    assert number_value(text) == value


def test_dotted_codes_only_in_headlines() -> None:
    assert [(r.season, r.episode) for r in find_refs("Copper Bell 2.05 recap", headline=True)] == [(2, 5)]
    assert find_refs("It costs $2.05, and ratings hit 6.10 percent.", headline=False) == []
    assert find_refs("It costs $2.05 now", headline=True) == []


@pytest.mark.parametrize("text", ["1920x1080 pixels", "version 1.2x3", "deep seasonal episodes", "#S2E5",
                                  "a series of photographs", "the pilot who flew"])
def test_no_reference_in_lookalikes(text: str) -> None:
    assert find_refs(text) == []


def _own_labelled() -> list[Path]:
    return sorted(DATA.glob("episode-*.labels.json"))


@pytest.mark.parametrize("labels_path", _own_labelled(), ids=lambda p: p.name)
def test_our_articles(labels_path: Path) -> None:
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    info = read_episode(load(labels_path.parent / labels["file"]))
    assert (info.show, info.season, info.episode) == (labels["show"], labels["season"], labels["episode"])


def _corpus(shared: Path) -> list[Path]:
    return sorted([*shared.glob("corpus/recaps/*.labels.json"), *shared.glob("samples/*.labels.json")])


def test_dev_corpus(shared_dir: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "support"))
    from recap_labels import fold

    wrong = []
    for labels_path in _corpus(shared_dir):
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        info = read_episode(load(labels_path.parent / labels["file"]))
        got = (fold(info.show or ""), info.season, info.episode)
        if got != (fold(labels["show"] or ""), labels["season"], labels["episode"]):
            wrong.append(f"{labels['file']}: {got}")
    # A saved Reddit thread whose page names its subreddit only in the page chrome: the loader
    # does not pass the subreddit on yet, so that one show is unknown.
    assert len(wrong) <= 1, wrong


@pytest.mark.parametrize(
    ("text", "shows"),
    [
        ("Our recap of the Copper Bell season finale, with tags.", ["Copper Bell"]),
        ("Ida Brenner and Tom Reyes in Copper Bell Season 2. Photo: Studio", ["Copper Bell"]),
        ("Last week’s Copper Bell episode 4 was slow.", ["Copper Bell"]),
        ("Warning: major spoilers for Copper Bell Season 2, Episode 5.", ["Copper Bell"]),
        ("Come back once you have seen episode 82 of Las Hermanas Ocampo tonight.", ["Las Hermanas Ocampo"]),
        ("Nora Vance, season 2’s breakout, is back.", []),
        ("Sunday’s season finale was great.", []),
        ("Episode 8 of the network’s drama streams weekly.", []),
    ],
)
def test_show_names_beside_references_in_running_text(text: str, shows: list[str]) -> None:
    from reader.analysis.episode_show import shows_in_text

    assert shows_in_text(text, find_refs(text)) == shows


def test_body_references_to_other_episodes_are_not_this_one() -> None:
    info = read_episode(article("Copper Bell: a rambling breakdown",
                                "Anyone not current through 2x04 should stop reading.",
                                "Nothing this tense has happened since episode 2.",
                                "Episode 6 airs next Friday."))
    assert (info.season, info.episode) == (None, None)
    info = read_episode(article("Copper Bell: a rambling breakdown", "Spoilers for 2x05 below, obviously.",
                                "Anyone not current through 2x04 should stop reading."))
    assert (info.season, info.episode) == (2, 5)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Copper Bell S02E01-E02 recap", (2, 2)),
        ("Copper Bell S2E1 & E2 recap", (2, 2)),
        ("Copper Bell 1x01-02 thoughts", (1, 2)),
        ("Copper Bell episodes 1 and 2 recap", (None, 2)),
        ("Copper Bell S2E5 – 6 things we loved", (2, 5)),
        ("Copper Bell 3x05 - 10 best moments", (3, 5)),
    ],
)
def test_a_double_episode_counts_as_its_later_half(title: str, expected: tuple) -> None:
    info = read_episode(article(title, "Fine."))
    assert (info.season, info.episode) == expected


def test_hostile_sizes_are_read() -> None:
    # How the time grows with such a page is measured by tests/benchmarks/names_cv.py.
    sentence = "The finale, episode 9, is long. All 10 episodes are up. Episode 3 of Copper Bell. "
    big = article("‘Copper Bell’ season finale recap " + "and more " * 10_000, sentence * 2_000)
    assert read_episode(big).episode == 10


def test_body_episodes_mentioned_equally_often_resolve_to_the_later() -> None:
    info = read_episode(article("Copper Bell: a write-up", "Spoilers for episode 4 and episode 5 below."))
    assert info.episode == 5


def test_a_season_that_ends_with_a_numbered_episode_gives_the_finale_its_number() -> None:
    info = read_episode(article("‘Copper Bell’ series 2 finale recap",
                                "Some finales tie a bow on everything. Its second series ends, with episode 8, "
                                "the way it began: in rain."))
    assert (info.show, info.season, info.episode, info.finale) == ("Copper Bell", 2, 8, True)


@pytest.mark.parametrize(("title", "show"), [
    ("[Copper Bell] Episode 12 discussion — my long thoughts", "Copper Bell"),
    ("[Spoilers] Episode 12 discussion — my long thoughts", None),
    ("[Episode 12] Discussion thread", None),
])
def test_a_leading_tag_names_the_show_when_the_body_uses_it(title: str, show: str | None) -> None:
    info = read_episode(article(title, "Posted by u/someone", "For anyone new: Copper Bell is a slow drama "
                                "about episode 12 of nothing."))
    assert (info.show, info.episode) == (show, 12)


def test_a_leading_tag_the_body_never_uses_is_not_the_show() -> None:
    assert read_episode(article("[Long Post] Episode 12 discussion", "Wow, what a week.")).show is None


def test_part_n_of_m_names_the_episode_of_a_limited_series() -> None:
    """Blind set 2: "Part 4 of 6" in the byline line and the text is episode 4."""
    assert [(r.kind, r.episode) for r in find_refs("By Jo Lind · May 12 · Part 4 of 6")] == [("episode", 4)]
    assert [r.episode for r in find_refs("part two of three")] == [2]
    info = read_episode(article("‘Copper Bell’ Part 4 Review: The Long Frost",
                                "Part 4 of 6 is where the series finds its feet."))
    assert info.episode == 4


def test_part_of_in_running_text_is_no_episode() -> None:
    assert find_refs("It is part of the show, and part of me hated it.") == []
    assert find_refs("Part 7 of 6 makes no sense.") == []


@pytest.mark.parametrize(("title", "body", "show"), [
    ("Brine and Clover – Episode 7 impressions", "Brine and Clover keeps finding new ways to hurt me.", "Brine and Clover"),
    ("Before the First Frost: Episode 3 recap", "Before the First Frost airs on Sundays.", "Before the First Frost"),
    ("New Harbour Nights Episode 2 recap", "Harbour Nights is back, and so is the rain.", "Harbour Nights"),
    ("Pike and Ward Episode 2 recap", "Tonight Ward finally calls Pike.", "Pike and Ward"),  # a show named for two
])
def test_a_show_name_the_body_writes_whole_keeps_its_small_and_leading_words(title: str, body: str, show: str) -> None:
    assert read_episode(article(title, body)).show == show


@pytest.mark.parametrize(("title", "show"), [
    ("Salt and Honey season 1 episode 1 review", "Salt and Honey"),
    ("Review: Salt and Honey episode 4", "Salt and Honey"),
    ("Mara and Tomas reunite in Salt and Honey season 1 episode 2", "Salt and Honey"),
    ("Ida and Tom fight in Copper Bell season 2 episode 3", "Copper Bell"),
])
def test_and_between_capitalised_words_of_a_headline_name_is_part_of_the_show(title: str, show: str) -> None:
    """The body need not repeat the name: a headline puts the show, not two people, before its
    episode number, and "and" elsewhere in the headline still ends the name."""
    assert read_episode(article(title, "Mara opens the bakery at dawn and finds the oven cold.")).show == show


@pytest.mark.parametrize(("text", "episode"), [
    ("Spoilers for the sixth and final episode of the series follow.", 6),
    ("The 10th and last episode ends on the pier.", 10),
])
def test_a_finale_that_gives_its_number(text: str, episode: int) -> None:
    info = read_episode(article("Copper Bell series 3 finale recap", text))
    assert (info.season, info.episode, info.finale) == (3, episode, True)


def test_a_final_episode_without_a_number_stays_unnumbered() -> None:
    info = read_episode(article("Copper Bell series 3 finale recap", "The final episode ends on the pier."))
    assert (info.season, info.episode) == (3, None)


@pytest.mark.parametrize(("title", "expected"), [
    ("Copper Bell Episode: 6 recap", ("Copper Bell", None, 6)),
    ("Copper Bell Season: 2, Episode: 4", ("Copper Bell", 2, 4)),
    ("Copper Bell Ep06 review", ("Copper Bell", None, 6)),
    ("Copper Bell 27. Bölüm özeti", ("Copper Bell", None, 27)),
    ("深夜食堂 第6話 感想", ("深夜食堂", None, 6)),
    ("월요일의 빵집 12화 리뷰", ("월요일의 빵집", None, 12)),
])
def test_infobox_rows_and_number_first_languages(title: str, expected: tuple) -> None:
    info = read_episode(article(title, "Nothing else here."))
    assert (info.show, info.season, info.episode) == expected


def test_a_colon_after_episode_in_prose_is_no_number() -> None:
    assert find_refs("Deep prep for the episode: it was good") == []


@pytest.mark.parametrize(("title", "body", "site", "expected"), [
    ("Podcast episode 45: we discuss Copper Bell episode 3", "Copper Bell is back.", None, ("Copper Bell", None, 3)),
    ("The Couch Pod Ep. 45 – Copper Bell, episode 3", "Copper Bell is back.", "The Couch Pod", ("Copper Bell", None, 3)),
    ("The Couch Pod, Episode 45", "This week we talk about Copper Bell episode 3, which is great.", "The Couch Pod",
     ("Copper Bell", None, 3)),
    ("Copper Bell Episode 4 Recap", "Copper Bell is back.", "The Couch Pod", ("Copper Bell", None, 4)),
])
def test_a_podcasts_own_episode_number_is_not_the_shows(title: str, body: str, site: str | None,
                                                         expected: tuple) -> None:
    info = read_episode(article(title, body, site=site))
    assert (info.show, info.season, info.episode) == expected


@pytest.mark.parametrize(("title", "episode"), [
    ("Copper Bell eps 5-6 recap", 6),
    ("Copper Bell Ep. 5 & 6 recap", 6),
    ("Copper Bell Ep5-Ep6 recap", 6),
    ("Copper Bell episode 5 and 12 people die", 5),
    ("Copper Bell episode 3, 2 weeks later", 3),
])
def test_ranges_written_with_the_singular_word(title: str, episode: int) -> None:
    assert read_episode(article(title, "Copper Bell is back.")).episode == episode


@settings(max_examples=300, deadline=None)
@given(phrase=st.text(alphabet="Ab é_1", max_size=4),
       pieces=st.lists(st.sampled_from(["Ab", "b", " ", "é", "_", "1", ".", "x"]), max_size=8))
def test_a_whole_phrase_is_found_where_the_pattern_found_it(phrase: str, pieces: list[str]) -> None:
    """``whole_phrase_at`` stands in for a pattern compiled per show name."""
    import re

    from reader.analysis.text import whole_phrase_at

    text = "".join(p if p != "x" else phrase for p in pieces)
    match = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)
    assert whole_phrase_at(phrase, text) == (match.start() if match else -1)
