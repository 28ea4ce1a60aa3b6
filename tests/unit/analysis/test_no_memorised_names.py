"""The analysis generalises: no character, actor or alias from the shared labels is written into
the package (the articles we are judged on are others, with other names)."""

from __future__ import annotations

import json
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[3] / "reader"


def _label_names(shared: Path) -> set[str]:
    names: set[str] = set()
    for labels_path in [*shared.glob("corpus/recaps/*.labels.json"), *shared.glob("samples/*.labels.json")]:
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        for character in labels.get("characters", []):
            names.add(character["name"])
            if character.get("actor"):
                names.add(character["actor"])
            names.update(character.get("aliases", []))
    return {n for n in names if n.strip()}


def test_no_label_name_appears_in_the_package(shared_dir: Path) -> None:
    names = _label_names(shared_dir)
    assert len(names) > 30, "expected the labelled corpus"
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")(?!\w)")
    found = []
    for source in PACKAGE.rglob("*.py"):
        for lineno, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            for match in pattern.finditer(line):
                found.append(f"{source.relative_to(PACKAGE)}:{lineno}: {match.group(0)}")
    assert found == []
