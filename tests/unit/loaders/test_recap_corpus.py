"""Every labelled recap in ../shared/corpus/recaps loads with the body its labels describe."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.article import Article
from reader.loaders import load

RECAPS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "recaps"
LABEL_FILES = sorted(RECAPS.glob("*.labels.json")) if RECAPS.is_dir() else []


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


@pytest.fixture(scope="module", params=[p.name for p in LABEL_FILES] or ["(corpus missing)"])
def labelled(request: pytest.FixtureRequest, shared_dir: Path) -> tuple[dict, Article]:
    labels_path = shared_dir / "corpus" / "recaps" / request.param
    if not labels_path.is_file():
        pytest.fail(f"{labels_path} is missing from the shared corpus")
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    return labels, load(labels_path.parent / labels["file"])


def test_title_and_format(labelled: tuple[dict, Article]) -> None:
    labels, article = labelled
    expected_format = {"txt": "text", "md": "markdown"}.get(labels["format"], labels["format"])
    assert article.format == expected_format
    assert _norm(article.title) == _norm(labels["title"])


def test_body_keeps_the_article_from_first_to_last_paragraph(labelled: tuple[dict, Article]) -> None:
    labels, article = labelled
    body = _norm(" ".join(b.text for b in article.blocks))
    for snippet in labels.get("body_must_include", []):
        assert _norm(snippet) in body, snippet


def test_no_clutter_reaches_the_body(labelled: tuple[dict, Article]) -> None:
    labels, article = labelled
    body = _norm("\n".join(b.text for b in article.blocks))
    leaks = [s for s in labels.get("boilerplate", []) if _norm(s) in body]
    assert not leaks


def test_labelled_paragraphs_are_single_blocks(labelled: tuple[dict, Article]) -> None:
    """Each must_hide / must_show / key-moment snippet starts exactly one block."""
    labels, article = labelled
    keys = ["must_hide", "must_show"] + ([] if labels.get("key_moments_inferred") else ["key_moments"])
    starts = [_norm(b.text) for b in article.blocks]
    wrong = {}
    for key in keys:
        for snippet in labels.get(key, []):
            count = sum(1 for t in starts if t.startswith(_norm(snippet)))
            if count != 1:
                wrong[snippet] = count
    assert not wrong


def test_inline_spoiler_markup_is_kept(labelled: tuple[dict, Article]) -> None:
    labels, article = labelled
    marked = {b.text[m.start : m.end] for b in article.blocks for m in b.spoiler_markup}
    whole = {b.text for b in article.blocks if b.is_marked_spoiler}
    for span in labels.get("spoiler_spans", []):
        assert _norm(span) in {_norm(t) for t in marked | whole}, span
