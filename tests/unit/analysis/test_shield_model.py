"""The shield's model: its weights file, its thresholds, and how it weighs a block."""

from __future__ import annotations

import json
from importlib import resources

from reader.analysis.shield_features import FEATURE_NAMES, feature_docs
from reader.analysis.shield_model import Caution, ShieldModel, gram_buckets, shipped_model


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
    t = shipped_model().thresholds
    assert 0 < t[Caution.CAUTIOUS] < t[Caution.BALANCED] < t[Caution.RELAXED] < 1


def test_a_model_round_trips_through_json() -> None:
    model = ShieldModel(("a", "b"), (0.5, -1.25), (0.1, -0.2, 0.0), -0.75,
                        {Caution.CAUTIOUS: 0.3, Caution.BALANCED: 0.5, Caution.RELAXED: 0.8})
    again = ShieldModel.from_json(model.to_json({"a": "why a"}))
    assert again == model
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
