"""Score an analysis against a recap label file (schema: ../shared/corpus/recaps/README.md).

Shared by the analysis benchmark and the tests over our own labelled articles in tests/data/recaps.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from reader.analysis.text import fold as text_fold
from reader.article import Analysis, Article

_WORD4 = re.compile(r"\w{4,}")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\xa0", " ")).strip()


def fold(text: str) -> str:
    """Case-fold and fold quotes, dashes and diacritics (the analysis's one fold), whitespace collapsed."""
    return norm(text_fold(text))


@dataclass
class LabelScore:
    name: str
    hide_total: int = 0
    hide_hit: int = 0
    show_total: int = 0
    show_hit: int = 0
    span_total: int = 0
    span_hit: int = 0
    char_predicted: int = 0
    char_correct: int = 0
    char_labelled: int = 0
    char_found: int = 0
    actor_labelled: int = 0
    actor_right: int = 0
    km_total: int = 0
    km_found: int = 0
    km_leaked: int = 0  # key moments from hidden blocks shown in the clear
    show_right: int = 0
    season_right: int = 0
    episode_right: int = 0
    boilerplate_leaks: int = 0
    missed_hide: list[str] = field(default_factory=list)
    missed_show: list[str] = field(default_factory=list)
    wrong_characters: list[str] = field(default_factory=list)
    missed_characters: list[str] = field(default_factory=list)
    missed_moments: list[str] = field(default_factory=list)
    episode_errors: list[str] = field(default_factory=list)


def load_labels(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _block_index(article: Article, snippet: str) -> int | None:
    key = norm(snippet).casefold()
    for block in article.blocks:
        if norm(block.text).casefold().startswith(key):
            return block.id
    for block in article.blocks:  # the README's substring rule
        if key in norm(block.text).casefold():
            return block.id
    return None


def _names(character) -> set[str]:  # noqa: ANN001
    return {fold(character.name), *(fold(a) for a in character.aliases)}


def score(name: str, labels: dict, article: Article, analysis: Analysis) -> LabelScore:
    s = LabelScore(name)
    verdicts = analysis.verdicts
    for snippet in labels.get("must_hide", []):
        s.hide_total += 1
        idx = _block_index(article, snippet)
        if idx is not None and verdicts[idx].spoiler:
            s.hide_hit += 1
        else:
            s.missed_hide.append(snippet)
    for snippet in labels.get("must_show", []):
        s.show_total += 1
        idx = _block_index(article, snippet)
        if idx is not None and not verdicts[idx].spoiler:
            s.show_hit += 1
        else:
            s.missed_show.append(snippet)
    for span in labels.get("spoiler_spans", []):
        s.span_total += 1
        hidden = False
        for block in article.blocks:
            pos = norm(block.text).find(norm(span))
            if pos < 0:
                continue
            v = verdicts[block.id]
            if v.spoiler or any(h.start <= pos + 1 and h.end >= pos + len(norm(span)) - 1 for h in v.spans):
                hidden = True
        s.span_hit += hidden

    labelled = labels.get("characters", [])
    s.char_labelled = len(labelled)
    s.char_predicted = len(analysis.characters)
    matched_labels: set[int] = set()
    for ch in analysis.characters:
        names = _names(ch)
        hit = next((i for i, lab in enumerate(labelled)
                    if names & {fold(lab["name"]), *(fold(a) for a in lab.get("aliases", []))}), None)
        if hit is None:
            s.wrong_characters.append(ch.name)
            continue
        s.char_correct += 1
        if hit not in matched_labels:
            matched_labels.add(hit)
            lab = labelled[hit]
            if lab.get("actor"):
                s.actor_labelled += 1
                s.actor_right += fold(ch.actor or "") == fold(lab["actor"])
    s.char_found = len(matched_labels)
    s.actor_labelled += sum(1 for i, lab in enumerate(labelled) if lab.get("actor") and i not in matched_labels)
    s.missed_characters = [lab["name"] for i, lab in enumerate(labelled) if i not in matched_labels]

    moments = analysis.key_moments
    inferred = labels.get("key_moments_inferred", False)
    for label in labels.get("key_moments", []):
        s.km_total += 1
        if inferred:
            words = [w.casefold() for w in _WORD4.findall(label)]
            found = any(
                words and sum(w in m.text.casefold() for w in words) / len(words) >= 0.3 for m in moments
            )
        else:
            found = any(norm(m.text).casefold().startswith(norm(label).casefold()) for m in moments)
        s.km_found += found
        if not found:
            s.missed_moments.append(label)
    hidden_blocks = {i for i, v in enumerate(verdicts) if v.spoiler}
    s.km_leaked = sum(1 for m in moments if m.block in hidden_blocks and not m.spoiler)

    ep = analysis.episode
    s.show_right = fold(ep.show or "") == fold(labels.get("show") or "")
    s.season_right = ep.season == labels.get("season")
    s.episode_right = ep.episode == labels.get("episode")
    if not (s.show_right and s.season_right and s.episode_right):
        s.episode_errors.append(f"{ep.show!r} S{ep.season} E{ep.episode} != "
                                f"{labels.get('show')!r} S{labels.get('season')} E{labels.get('episode')}")

    body = norm(" \n ".join(b.text for b in article.blocks))
    s.boilerplate_leaks = sum(1 for b in labels.get("boilerplate", []) if norm(b) in body)
    return s


def labelled_articles(folder: Path) -> list[tuple[Path, Path]]:
    """(article, labels) pairs in a folder of ``*.labels.json`` files."""
    pairs = []
    for labels_path in sorted(folder.glob("*.labels.json")):
        labels = load_labels(labels_path)
        pairs.append((labels_path.parent / labels["file"], labels_path))
    return pairs
