"""Watch progress: parsing what people type, folding show names, and deciding "watched"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.article import EpisodeInfo
from reader.library.progress import WatchProgress, fold_show, has_watched, parse_watched, same_show


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("Show Name=S1E4", WatchProgress("Show Name", 1, 4)),
        ("Show=E4", WatchProgress("Show", None, 4)),
        ("Show=4", WatchProgress("Show", None, 4)),
        ("Show=1x04", WatchProgress("Show", 1, 4)),
        ("Show=S01E04", WatchProgress("Show", 1, 4)),
        ("  Harbor   Lights = s2 e5 ", WatchProgress("Harbor Lights", 2, 5)),
        ("Show=Season 3, Episode 10", WatchProgress("Show", 3, 10)),
        ("Show=series 2 ep. 3", WatchProgress("Show", 2, 3)),
        ("Show=Ep 82", WatchProgress("Show", None, 82)),
        ("Show=episode 7", WatchProgress("Show", None, 7)),
        ("Love = War=S1E2", WatchProgress("Love = War", 1, 2)),  # the last '=' separates
    ],
)
def test_parse_watched_reads_every_spelling(spec: str, expected: WatchProgress) -> None:
    assert parse_watched(spec) == expected


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        ("Harbor Lights S2E5", "needs the form"),
        ("=S1E4", "names no show"),
        ("Show=S2", "season but no episode"),
        ("Show=latest", "does not say an episode"),
        ("Show=", "does not say an episode"),
        ("Show=S1E4E5", "does not say an episode"),
        ("Show=S0E3", "start at 1"),
        ("Show=0", "start at 1"),
        ("", "needs the form"),
    ],
)
def test_bad_progress_is_refused_in_one_sentence(spec: str, says: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_watched(spec)
    message = str(caught.value)
    assert says in message
    assert message.endswith(".") and "\n" not in message
    assert message.count(". ") == 0  # one sentence


_show_names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="=", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
    min_size=1, max_size=30,
).map(lambda s: " ".join(s.split())).filter(bool)


@given(show=_show_names, season=st.none() | st.integers(1, 99), episode=st.integers(1, 9999))
def test_spec_round_trips(show: str, season: int | None, episode: int) -> None:
    progress = WatchProgress(show, season, episode)
    assert parse_watched(progress.spec()) == progress


@given(season=st.integers(1, 99), episode=st.integers(1, 999))
def test_every_code_form_means_the_same(season: int, episode: int) -> None:
    forms = [f"S{season}E{episode}", f"s{season:02d}e{episode:02d}", f"{season}x{episode:02d}",
             f"Season {season}, Episode {episode}"]
    assert {parse_watched(f"Show={form}") for form in forms} == {WatchProgress("Show", season, episode)}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Ferryman’s Daughter", "the ferryman's daughter"),
        ("Gül Bahçesi", "Gul Bahcesi"),
        ("Sørensen’s Law", "Sorensen's law"),
        ("Łódź Nights", "Lodz nights"),
        ("Mid–Century", "mid-century"),
        ("“Quoted”   Show", '"quoted" show'),
    ],
)
def test_fold_show_folds_case_quotes_dashes_and_diacritics(a: str, b: str) -> None:
    assert fold_show(a) == fold_show(b)


def test_fold_show_keeps_different_names_apart() -> None:
    assert fold_show("Harbor Lights") != fold_show("Harbour Lights")
    assert not same_show("Harbor Lights", "Harbor Lights 2")
    assert not same_show("", "")


@pytest.mark.parametrize(
    ("typed", "article"),
    [("Ferrymans Daughter", "The Ferryman’s Daughter"), ("Soundtrack 1", "Soundtrack #1"),
     ("Law & Order", "Law and Order")],
)
def test_typed_names_match_the_articles_show(typed: str, article: str) -> None:
    assert same_show(typed, article)


@given(a=_show_names)
def test_fold_show_is_idempotent(a: str) -> None:
    assert fold_show(fold_show(a)) == fold_show(a)


def _ep(show: str | None, season: int | None, episode: int | None, finale: bool = False) -> EpisodeInfo:
    return EpisodeInfo(show, season, episode, finale)


@pytest.mark.parametrize(
    ("watched", "article", "expected"),
    [
        ("Harbor Lights=S2E5", _ep("Harbor Lights", 2, 5), True),   # the same episode
        ("Harbor Lights=S2E5", _ep("Harbor Lights", 2, 4), True),   # an earlier one
        ("Harbor Lights=S2E5", _ep("Harbor Lights", 1, 9), True),   # an earlier season
        ("Harbor Lights=S2E5", _ep("Harbor Lights", 2, 6), False),  # the next one
        ("Harbor Lights=S2E5", _ep("Harbor Lights", 3, 1), False),  # a later season
        ("Harbor Lights=E5", _ep("Harbor Lights", 2, 5), True),     # no season typed: episodes alone
        ("Harbor Lights=E5", _ep("Harbor Lights", 2, 6), False),
        ("Moonrise Bakery=S1E4", _ep("Moonrise Bakery", None, 4), True),  # article has no season
        ("Moonrise Bakery=S1E4", _ep("Moonrise Bakery", None, 5), False),
        ("Ferrymans Daughter=1", _ep("The Ferryman’s Daughter", None, 1), True),
        ("Other Show=S9E9", _ep("Harbor Lights", 1, 1), False),     # another show's progress
        ("Las Hermanas=82", _ep("Las Hermanas", None, None, finale=True), False),  # unknown episode
        ("Las Hermanas=82", _ep(None, None, 82), False),            # unknown show
    ],
)
def test_has_watched(watched: str, article: EpisodeInfo, expected: bool) -> None:
    assert has_watched([parse_watched(watched)], article) is expected


def test_has_watched_looks_at_the_entry_for_the_articles_show() -> None:
    progress = [parse_watched("Kestrel Yard=S3E2"), parse_watched("Harbor Lights=S2E5"),
                parse_watched("Gül Bahçesi=27")]
    assert has_watched(progress, _ep("Harbor Lights", 2, 5))
    assert has_watched(progress, _ep("gul bahcesi", None, 20))
    assert not has_watched(progress, _ep("Kestrel Yard", 3, 10))
    assert not has_watched([], _ep("Harbor Lights", 1, 1))


@given(season=st.integers(1, 20), episode=st.integers(1, 40), w_season=st.integers(1, 20), w_episode=st.integers(1, 40))
def test_watched_is_order_on_season_then_episode(season: int, episode: int, w_season: int, w_episode: int) -> None:
    watched = has_watched([WatchProgress("Show", w_season, w_episode)], _ep("Show", season, episode))
    assert watched == ((season, episode) <= (w_season, w_episode))


def test_progress_lifts_the_shield_only_up_to_the_episode_watched() -> None:
    from pathlib import Path

    from reader.analysis import analyze
    from reader.loaders import load

    path = Path(__file__).resolve().parents[2] / "data" / "recaps" / "episode-hollow-road-series-2-episode-3.txt"
    article = load(path)
    fresh = analyze(article)
    assert (fresh.episode.show, fresh.episode.season, fresh.episode.episode) == ("The Hollow Road", 2, 3)
    behind = analyze(article, [parse_watched("hollow road=S2E2"), parse_watched("Kestrel Yard=S9E9")])
    assert [v.spoiler for v in behind.verdicts] == [v.spoiler for v in fresh.verdicts]
    assert behind.title_spoiler == fresh.title_spoiler
    caught_up = analyze(article, [parse_watched("The Hollow Road=2x03")])
    assert not any(v.spoiler or v.spans for v in caught_up.verdicts if not v.other_show)
    assert caught_up.title_spoiler is False
