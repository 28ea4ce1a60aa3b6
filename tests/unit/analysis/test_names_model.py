"""The character finder's fitted person decision: the cues it reads, the fit, the shipped
weights and how a cross-validation fold swaps in its own model."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import names_train
from reader.analysis.characters import find_characters
from reader.analysis.names import find_name_spans
from reader.analysis.names_evidence import weigh
from reader.analysis.names_model import MODEL_FILE, PersonModel, shipped, using
from reader.article import Article, Block


def cues(text: str, key: str) -> set[str]:
    span = next(s for s in find_name_spans(0, text, frozenset()) if s.key == key)
    return set(weigh(text, span, frozenset()).cues)


@pytest.mark.parametrize(("text", "key", "cue"), [
    ("Bram tells Hedda everything.", "Hedda", "object_of_person_verb"),
    ("Later that night Inspector Vane finds the ledger.", "Vane", "title"),
    ("The ferry docks in Kessling at dawn.", "Kessling", "after_place_preposition"),
    ("Then Oriel storms off and never looks back.", "Oriel", "phrasal_verb_after"),
    ("Nobody believes Maura, but she keeps the key.", "Maura", "pronoun_after"),
    ("Then her brother Tomasz is back.", "Tomasz", "role_noun_before"),
    ("He has asked for a transfer to Kessling in the spring.", "Kessling", "after_to"),
])
def test_context_cues_are_read(text: str, key: str, cue: str) -> None:
    assert cue in cues(text, key)


def test_the_fit_learns_the_sign_of_each_cue() -> None:
    data = ([({"title": 1.0}, True)] * 20 + [({"after_place_preposition": 1.0}, False)] * 20
            + [({"mid_sentence": 1.0}, True)] * 5 + [({"mid_sentence": 1.0}, False)] * 5)
    model = names_train.fit(data)
    assert model.weights["title"] > 1 > -1 > model.weights["after_place_preposition"]
    assert model.is_person({"title": 1.0}) and not model.is_person({"after_place_preposition": 1.0})
    assert abs(model.logit({"mid_sentence": 1.0})) < 0.5


def test_the_model_survives_its_json_form() -> None:
    model = PersonModel({"title": 2.5, "after_determiner": -1.25}, -0.5)
    again = PersonModel.from_json(model.to_json())
    assert again == model


def test_the_shipped_model_is_a_fitted_file_in_the_package() -> None:
    assert MODEL_FILE.is_file() and MODEL_FILE.parent.name == "analysis"
    model = shipped()
    assert model.weights["title"] > 0 > model.weights["after_place_preposition"]


def test_a_fold_can_swap_in_its_own_model() -> None:
    article = Article("T", [Block(0, "paragraph", "Later Inspector Vane admits she lied to Oriel Marsh.")],
                      None, "text")
    assert "Inspector Vane" in {c.name for c in find_characters(article)}
    with using(PersonModel({}, -5.0)):  # a model that takes nobody
        assert "Inspector Vane" not in {c.name for c in find_characters(article)}


def test_training_on_a_missing_folder_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert names_train.main([str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_a_role_noun_that_names_someone_else_is_no_apposition() -> None:
    text = "In the town of Fenmore, Halvard, a shop teacher named Erik Lind walks onto the ice."
    assert "role_apposition" not in cues(text, "Halvard")
    assert "role_apposition" in cues("Later Halvard, the shop teacher, walks onto the ice.", "Halvard")


def test_the_shipped_weights_are_those_the_training_command_fits_today(shared_dir: Path) -> None:
    """A change to the cues or the corpus must come with a refit
    (``python -m reader.analysis.names_train``), or the shipped weights weigh stale features."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "support"))
    from labelled_sites import load_corpus

    data = [s for item in load_corpus(shared_dir) for s in names_train.samples(item.article, item.labels)]
    fitted, ship = names_train.fit(data), shipped()
    assert set(fitted.weights) == set(ship.weights)
    assert all(abs(fitted.weights[k] - ship.weights[k]) < 0.01 for k in fitted.weights)
    assert abs(fitted.bias - ship.bias) < 0.01


def test_an_unreadable_weights_file_is_logged_and_takes_nobody(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    from reader.analysis import names_model

    broken = tmp_path / "weights.json"
    broken.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(names_model, "MODEL_FILE", broken)
    names_model.shipped.cache_clear()
    try:
        model = names_model.shipped()
        assert not model.is_person({"title": 1.0, "strong_cue": 1.0})
        assert "unreadable" in caplog.text
    finally:
        names_model.shipped.cache_clear()
