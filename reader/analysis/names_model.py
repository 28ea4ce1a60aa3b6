"""The fitted decision of the character finder: is a name that no actor link explains a person
of the story?

A name's occurrences give named cues (``names_evidence``); this module turns them into one
feature record per name and weighs it with a logistic model whose weights are fitted on the
labelled articles by ``python -m reader.analysis.names_train`` and shipped as a small JSON file
beside this module. Applying the model is a dot product in plain Python: no runtime dependency.
Cross-validation swaps in a fold's own model with ``using``.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reader.analysis.names_evidence import SHAPE_CUES, STRONG_CUES, THING_CUES, Evidence

MODEL_FILE = Path(__file__).with_name("names_person_model.json")
_log = logging.getLogger(__name__)
# A capital after two lower-case letters inside a word ("BrightNest", "PlayStation"); "McLagan",
# "MacLeod", "DeShawn", "O'Neill" have at most one letter (or an apostrophe) before it.
_CAMEL = re.compile(r"[a-zà-ÿ]{2}[A-ZÀ-Þ]")


@dataclass(frozen=True)
class PersonModel:
    """Weights per feature and a bias; a name is a person when the weighted sum is above 0."""

    weights: Mapping[str, float] = field(default_factory=dict)
    bias: float = 0.0

    def cue_score(self, features: Mapping[str, float]) -> float:
        """What the cues say, without the prior (the bias)."""
        return sum(self.weights.get(name, 0.0) * value for name, value in features.items())

    def logit(self, features: Mapping[str, float]) -> float:
        return self.bias + self.cue_score(features)

    def probability(self, features: Mapping[str, float]) -> float:
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, self.logit(features)))))

    def is_person(self, features: Mapping[str, float]) -> bool:
        return self.logit(features) > 0

    def deciding(self, features: Mapping[str, float], count: int = 3) -> list[str]:
        """The features that moved the decision most, strongest first (for explanations)."""
        moved = sorted(features, key=lambda n: -abs(self.weights.get(n, 0.0) * features[n]))
        return [n for n in moved[:count] if self.weights.get(n, 0.0)]

    def to_json(self) -> str:
        return json.dumps({"bias": round(self.bias, 4),
                           "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())}}, indent=1)

    @classmethod
    def from_json(cls, text: str) -> PersonModel:
        data = json.loads(text)
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]))


def name_features(evidence: Evidence, mentions: int, words: tuple[str, ...], full_name_shape: bool,
                  ranked_slots: int, cast_linked: bool = True) -> dict[str, float]:
    """One name's feature record: its cues (1 when seen once, growing with the log of the count
    so a name written twenty times does not outvote the grammar), its shape, and two summaries
    the cues cannot add up to on their own: whether any cue no place or actor has was seen, and
    whether nothing but the name's shape speaks for it."""
    cues = {name: count for name, count in evidence.cues.items() if count > 0}
    features = {name: 1 + math.log(count) for name, count in cues.items()}
    grammar = set(cues) - SHAPE_CUES - THING_CUES
    features["strong_cue"] = 1.0 if grammar & STRONG_CUES or ranked_slots else 0.0
    features["shape_only"] = 0.0 if grammar or ranked_slots else 1.0
    features["mentions"] = math.log(mentions)
    features["several_words"] = 1.0 if len(words) > 1 else 0.0
    features["full_name_shape"] = 1.0 if full_name_shape else 0.0  # given and family name, no common word
    # An article that ties no actor to anyone is about people who play themselves (a reality
    # show, a documentary): there a full name is one of them, not an actor's.
    features["full_name_no_cast"] = 1.0 if full_name_shape and not cast_linked else 0.0
    features["camel_case"] = 1.0 if any(_CAMEL.search(w) for w in words) else 0.0  # "BrightNest": a brand
    features["ranked_slot"] = math.log1p(ranked_slots)  # a slot of a ranked list of characters
    features["only_in_acting_talk"] = 0.0 if evidence.outside_acting else 1.0
    return {k: v for k, v in features.items() if v}


@lru_cache(maxsize=1)
def shipped() -> PersonModel:
    """The model fitted on all labelled articles, as shipped in the package."""
    try:
        return PersonModel.from_json(MODEL_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as exc:
        _log.error("character model %s unreadable (%s); no unlinked name will be a character", MODEL_FILE, exc)
        return PersonModel({}, -1.0)


_CURRENT: ContextVar[PersonModel | None] = ContextVar("names_person_model", default=None)


def current() -> PersonModel:
    return _CURRENT.get() or shipped()


@contextmanager
def using(model: PersonModel) -> Iterator[None]:
    """Run the analysis with ``model`` instead of the shipped one (a cross-validation fold)."""
    token = _CURRENT.set(model)
    try:
        yield
    finally:
        _CURRENT.reset(token)
