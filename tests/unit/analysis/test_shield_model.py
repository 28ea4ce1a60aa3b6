"""The shield's model: its weights file, its thresholds, and how it weighs a block."""

from __future__ import annotations

import json
from importlib import resources

from reader.analysis.shield_features import FEATURE_NAMES, feature_docs, is_show_level
from reader.analysis.shield_model import Caution, ShieldModel, gram_buckets, shipped_model
from reader.analysis.spoilers import judge_blocks
from reader.analysis.train import equal_error_threshold
from reader.article import Article, Block, EpisodeInfo


def test_the_shipped_weights_name_exactly_the_declared_features() -> None:
    data = json.loads(resources.files("reader.analysis").joinpath("shield_weights.json").read_text("utf-8"))
    assert [f["name"] for f in data["features"]] == list(FEATURE_NAMES)
    assert all(f["why"] for f in data["features"])
    assert len(data["gram_weights"]) == data["gram_buckets"]


def test_every_feature_has_a_one_line_rationale() -> None:
    docs = feature_docs()
    assert list(docs) == list(FEATURE_NAMES) and len(set(FEATURE_NAMES)) == len(FEATURE_NAMES)
    for name, why in docs.items():
        assert why and "\n" not in why, name


def test_thresholds_order_the_caution_levels() -> None:
    model = shipped_model()
    for show_level in (False, True):
        t = [model.threshold(level, show_level) for level in (Caution.CAUTIOUS, Caution.BALANCED, Caution.RELAXED)]
        assert 0 < t[0] <= t[1] < t[2] < 1, show_level


def test_a_page_about_a_whole_show_names_no_episode_and_does_not_warn() -> None:
    assert is_show_level(EpisodeInfo("Cold Harbour"), title_warns=False, body_warns=False)
    assert not is_show_level(EpisodeInfo("Cold Harbour", 2), title_warns=False, body_warns=False)
    assert not is_show_level(EpisodeInfo("Cold Harbour", None, 3), title_warns=False, body_warns=False)
    assert not is_show_level(EpisodeInfo("Cold Harbour", finale=True), title_warns=False, body_warns=False)
    assert not is_show_level(EpisodeInfo("Cold Harbour"), title_warns=True, body_warns=False)
    assert not is_show_level(EpisodeInfo("Cold Harbour"), title_warns=False, body_warns=True)


def test_the_cautious_threshold_of_a_page_follows_its_kind() -> None:
    """One block the model scores at p = 0.5: Cautious hides it on a page about an episode
    (threshold 0.4) and leaves it on a page about the whole show (threshold 0.6 there)."""
    even = ShieldModel((), (), (), 0.0, {Caution.CAUTIOUS: 0.4, Caution.BALANCED: 0.5, Caution.RELAXED: 0.75},
                       {Caution.CAUTIOUS: 0.6})
    article = Article("Cold Harbour", [Block(0, "paragraph", "The harbour town keeps its secrets for years.")],
                      None, "text")
    about_episode = judge_blocks(article, [], EpisodeInfo("Cold Harbour", 2, 3), model=even)
    about_show = judge_blocks(article, [], EpisodeInfo("Cold Harbour"), model=even)
    assert about_episode[0].spoiler and not about_show[0].spoiler
    assert judge_blocks(article, [], EpisodeInfo("Cold Harbour"), Caution.BALANCED, model=even)[0].spoiler


def test_the_equal_error_threshold_balances_plot_hidden_and_safe_readable() -> None:
    # (p, plot sentences, safe sentences): 3 of 4 plot units score >= 0.6, 3 of 4 safe ones below.
    scored = [(0.9, 2, 0), (0.7, 1, 0), (0.65, 0, 1), (0.45, 1, 0), (0.3, 0, 2), (0.2, 0, 1)]
    t = equal_error_threshold(scored)
    assert t is not None and 0.45 < t < 0.65
    assert equal_error_threshold([(p + 0.09, a, b) for p, a, b in scored]) == 0.5, "never above Balanced"
    low = [(p / 2, a, b) for p, a, b in scored]
    t = equal_error_threshold(low)
    assert t is not None and 0.225 < t < 0.325
    hidden = sum(a for p, a, _ in low if p >= t) / 4
    readable = sum(b for p, _, b in low if p < t) / 4
    assert hidden == readable == 0.75
    assert equal_error_threshold([(0.5, 1, 0)]) is None, "no safe text to balance against"


def test_a_model_round_trips_through_json() -> None:
    model = ShieldModel(("a", "b"), (0.5, -1.25), (0.1, -0.2, 0.0), -0.75,
                        {Caution.CAUTIOUS: 0.3, Caution.BALANCED: 0.5, Caution.RELAXED: 0.8}, {Caution.CAUTIOUS: 0.45})
    again = ShieldModel.from_json(model.to_json({"a": "why a"}))
    assert again == model
    assert again.threshold(Caution.CAUTIOUS, show_level=True) == 0.45
    assert again.threshold(Caution.BALANCED, show_level=True) == 0.5, "a level not given falls back"
    assert again.logit([1.0, 1.0], {1: 1.0}) == -0.75 + 0.5 - 1.25 - 0.2


def test_unknown_features_weigh_nothing_when_aligned() -> None:
    model = ShieldModel(("a",), (2.0,), (), 0.0, {})
    aligned = model.aligned(("b", "a"))
    assert aligned.feature_weights == (0.0, 2.0)


def test_names_become_one_placeholder_in_the_word_grams() -> None:
    text_a, text_b = "Ines finds the letter", "Bram finds the letter"
    assert gram_buckets(text_a, [(0, 4)], 4096) == gram_buckets(text_b, [(0, 4)], 4096)
    assert gram_buckets(text_a, [], 4096) != gram_buckets(text_b, [], 4096)
    assert gram_buckets("", [], 4096) == {} and gram_buckets(text_a, [], 0) == {}
