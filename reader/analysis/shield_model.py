"""The one decision of the shield: a logistic model over the block's feature record.

p(plot) = sigmoid(bias + sum(weight[f] * feature[f]) + sum(weight[g] for the block's word
n-gram buckets)). The weights are fitted by ``python -m reader.analysis.train`` and ship as
``shield_weights.json`` beside this module; applying them needs nothing but Python. The caution
level is the threshold on p: Cautious hides more, Relaxed fewer.

Word n-grams are hashed into a fixed number of buckets (CRC-32, stable across runs), with the
names of characters replaced by one placeholder so the model learns "<name> finds" and never a
name. The reason shown for a hidden block names the declared features that pushed it over the
line, never a word of the block.

The thresholds are calibrated per kind of page. Most pages are about an episode (an article
that names the episode, warns, or calls itself a recap); a page about a show as a whole names
no episode (``shield_features.is_show_level``: a character guide, a wiki or trope page). Their
plot talk differs and so do their labels, so ``show_thresholds`` holds the levels for those
pages (``train.py`` says how each is chosen); where a weights file gives none, the episode
thresholds serve both.
"""

from __future__ import annotations

import logging
import math
import zlib
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from operator import mul

from reader.analysis.text import folded_words

log = logging.getLogger(__name__)

WEIGHTS_FILE = "shield_weights.json"
NAME_TOKEN = "<name>"


class Caution(Enum):
    """How readily the shield hides a block: the decision threshold on p(plot)."""

    CAUTIOUS = "cautious"  # the default: hide whatever might be plot
    BALANCED = "balanced"
    RELAXED = "relaxed"  # hide only what is clearly plot

    @classmethod
    def parse(cls, value: str | Caution | None) -> Caution:
        """A level from its name ("cautious", case-insensitive); None means the default."""
        if value is None:
            return cls.CAUTIOUS
        if isinstance(value, Caution):
            return value
        try:
            return cls(value.strip().casefold())
        except ValueError:
            names = ", ".join(level.value for level in cls)
            raise ValueError(f"unknown shield level {value!r} (choose one of {names})") from None


#: Thresholds used when a weights file does not give its own.
DEFAULT_THRESHOLDS = {Caution.CAUTIOUS: 0.25, Caution.BALANCED: 0.5, Caution.RELAXED: 0.75}


@dataclass(frozen=True)
class ShieldModel:
    """Fitted weights: one per declared feature, one per n-gram bucket, a bias, thresholds."""

    feature_names: tuple[str, ...]
    feature_weights: tuple[float, ...]
    gram_weights: tuple[float, ...]  # empty when the model uses no words
    bias: float
    thresholds: dict[Caution, float]
    show_thresholds: dict[Caution, float] = field(default_factory=dict)  # pages about a whole show

    def threshold(self, caution: Caution, show_level: bool = False) -> float:
        """The decision threshold at ``caution`` for a page about an episode, or a whole show."""
        if show_level and caution in self.show_thresholds:
            return self.show_thresholds[caution]
        return self.thresholds[caution]

    def aligned(self, names: tuple[str, ...]) -> ShieldModel:
        """The same model with its feature weights in the order of ``names``: a feature the
        weights do not know weighs nothing (logged; refit with ``python -m reader.analysis.train``)."""
        if names == self.feature_names:
            return self
        known = dict(zip(self.feature_names, self.feature_weights))
        missing = [n for n in names if n not in known]
        if missing:
            log.warning("shield weights lack features %s; refit them", ", ".join(missing))
        return ShieldModel(names, tuple(known.get(n, 0.0) for n in names), self.gram_weights, self.bias,
                           self.thresholds, self.show_thresholds)

    @property
    def buckets(self) -> int:
        return len(self.gram_weights)

    def logit(self, features: list[float], grams: dict[int, float]) -> float:
        # map(mul, ...) rather than a generator: the same products summed in the same order (so
        # the same float), without a Python frame per term.
        total = self.bias + sum(map(mul, self.feature_weights, features))
        if self.gram_weights:
            total += sum(map(mul, map(self.gram_weights.__getitem__, grams), grams.values()))
        return total

    def contributions(self, features: list[float]) -> list[tuple[float, str]]:
        """Each declared feature's push towards "plot" for this record, largest first."""
        pushes = [(w * x, name) for name, w, x in zip(self.feature_names, self.feature_weights, features) if x]
        return sorted(pushes, reverse=True)

    def to_json(self, docs: dict[str, str], extra: dict | None = None) -> str:
        import json

        data = {
            "about": "Spoiler shield weights, fitted by `python -m reader.analysis.train`; see shield_model.py.",
            **(extra or {}),
            "bias": round(self.bias, 5),
            "thresholds": {level.value: round(t, 4) for level, t in self.thresholds.items()},
            "show_thresholds": {level.value: round(t, 4) for level, t in self.show_thresholds.items()},
            "features": [{"name": n, "weight": round(w, 5), "why": docs.get(n, "")}
                         for n, w in zip(self.feature_names, self.feature_weights)],
            "gram_buckets": self.buckets,
        }
        text = json.dumps(data, indent=1, ensure_ascii=False)
        # The bucket weights on one line: the file stays small and its diffs readable.
        grams = json.dumps([round(w, 4) for w in self.gram_weights])
        return f'{text[:-2]},\n "gram_weights": {grams}\n}}\n'

    @classmethod
    def from_json(cls, text: str) -> ShieldModel:
        import json  # only when the weights are first read: importing the analysis stays cheap

        data = json.loads(text)
        thresholds = dict(DEFAULT_THRESHOLDS)
        for name, value in data.get("thresholds", {}).items():
            thresholds[Caution(name)] = float(value)
        show_thresholds = {Caution(name): float(value) for name, value in data.get("show_thresholds", {}).items()}
        return cls(
            feature_names=tuple(f["name"] for f in data["features"]),
            feature_weights=tuple(float(f["weight"]) for f in data["features"]),
            gram_weights=tuple(float(w) for w in data.get("gram_weights", [])),
            bias=float(data["bias"]),
            thresholds=thresholds,
            show_thresholds=show_thresholds,
        )


@cache
def shipped_model() -> ShieldModel:
    """The weights that ship with the app (read once)."""
    from importlib import resources

    text = resources.files("reader.analysis").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return ShieldModel.from_json(text)


def gram_buckets(text: str, name_spans: list[tuple[int, int]], buckets: int) -> dict[int, float]:
    """The block's word unigrams and bigrams, hashed into ``buckets``, each worth
    1/sqrt(count) so long and short blocks weigh alike. Names become one placeholder."""
    if buckets <= 0:
        return {}
    if name_spans:
        parts, last = [], 0
        for start, end in sorted(name_spans):
            if start < last:
                continue
            parts.append(text[last:start])
            parts.append(" qqname ")
            last = end
        parts.append(text[last:])
        text = "".join(parts)
    keys: set[int] = set()
    crc32 = zlib.crc32
    previous = None  # the CRC of the previous word followed by a space: a bigram continues it
    for word in folded_words(text):
        data = (NAME_TOKEN if word == "qqname" else word).encode("utf-8")
        unigram = crc32(data)
        keys.add(unigram % buckets)
        if previous is not None:
            keys.add(crc32(data, previous) % buckets)  # the CRC of "previous word"
        previous = crc32(b" ", unigram)
    if not keys:
        return {}
    value = 1.0 / math.sqrt(len(keys))
    return dict.fromkeys(keys, value)


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)
