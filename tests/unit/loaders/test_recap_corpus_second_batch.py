"""The second labelled batch (../shared/corpus/recaps2) keeps its body and sheds its clutter:
no boilerplate snippet in the body, every body_must_include snippet present (issue 15)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.loaders import load

RECAPS2 = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "recaps2"
LABEL_FILES = sorted(p.name for p in RECAPS2.glob("*.labels.json")) if RECAPS2.is_dir() else []


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


@pytest.mark.parametrize("label_file", LABEL_FILES or ["(corpus missing)"])
def test_body_is_whole_and_free_of_clutter(shared_dir: Path, label_file: str) -> None:
    labels_path = shared_dir / "corpus" / "recaps2" / label_file
    if not labels_path.is_file():
        pytest.fail(f"{labels_path} is missing from the shared corpus")
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    article = load(labels_path.parent / labels["file"])
    body = _norm("\n".join(b.text for b in article.blocks))
    assert [s for s in labels.get("boilerplate", []) if _norm(s) in body] == []
    assert [s for s in labels.get("body_must_include", []) if _norm(s) not in body] == []
