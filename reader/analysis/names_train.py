"""Fit the character finder's person decision (``names_model``) on labelled articles.

    python -m reader.analysis.names_train [FOLDER ...]

Each folder holds articles with ``*.labels.json`` files (the schema of the shared corpus
README). For every name the finder weighs, the label is whether it is one of the article's
labelled characters (by name or alias); everything else it names (actors, crew, places,
companies, ships, shows) is a negative. The fit is an L2-regularised logistic regression by
Newton's method over sparse records: a few hundred names and a few dozen features fit in
milliseconds in plain Python, so cross-validation can refit per fold without scikit-learn.
Default folders: ``../shared/corpus/recaps``, ``recaps2``, ``../shared/samples`` and our own
``tests/data/recaps*``; the result is written to ``names_person_model.json`` in the package.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from reader.analysis.labelled_corpus import labelled_folders
from reader.analysis.names import fold
from reader.analysis.names_finder import CharacterFinder
from reader.analysis.names_model import MODEL_FILE, PersonModel
from reader.article import Article

Sample = tuple[Mapping[str, float], bool]
L2 = 1.0  # the ridge on every weight (not the bias): with ~40 features and ~600 names, keeps rare cues modest


def labelled_forms(labels: Mapping) -> set[str]:
    """Every folded way the labels write a character (name and aliases)."""
    forms = set()
    for character in labels.get("characters", []):
        forms.add(fold(character["name"]))
        forms.update(fold(a) for a in character.get("aliases", []))
    return forms


def samples(article: Article, labels: Mapping) -> list[Sample]:
    """The finder's feature record for each name it weighs, with whether it is a character."""
    finder = CharacterFinder(article)
    finder.run()
    forms = labelled_forms(labels)
    found: list[Sample] = []
    for weighed in finder.weighed:
        written = set()
        for span in weighed.spans:
            written.add(fold(span.key))
            written.add(fold(" ".join((*span.titles, *span.words))))
        found.append((weighed.features, bool(written & forms)))
    return found


def fit(data: Sequence[Sample], l2: float = L2, iterations: int = 25) -> PersonModel:
    """Logistic regression by Newton's method (iteratively reweighted least squares)."""
    names = sorted({n for features, _ in data for n in features})
    index = {n: i + 1 for i, n in enumerate(names)}  # 0 is the bias
    size = len(names) + 1
    rows = [([(0, 1.0)] + [(index[n], v) for n, v in features.items()], 1.0 if y else 0.0) for features, y in data]
    w = [0.0] * size
    for _ in range(iterations):
        grad = [0.0] * size
        hess = [[0.0] * size for _ in range(size)]
        for i in range(1, size):
            grad[i] = l2 * w[i]
            hess[i][i] = l2
        hess[0][0] = 1e-6
        for row, y in rows:
            z = sum(w[i] * v for i, v in row)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g, h = p - y, max(p * (1 - p), 1e-9)
            for i, v in row:
                grad[i] += g * v
                hess_i = hess[i]
                for j, u in row:
                    hess_i[j] += h * v * u
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(x) for x in step) < 1e-6:
            break
    return PersonModel({n: w[index[n]] for n in names}, w[0])


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the Hessian is small and positive definite)."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        if abs(a[col][col]) < 1e-12:
            continue
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            if factor:
                for c in range(col, n + 1):
                    a[r][c] -= factor * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        if abs(a[r][r]) < 1e-12:
            continue
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


def labelled_files(folders: Iterable[Path]) -> list[tuple[Path, dict]]:
    pairs = []
    for folder in folders:
        for labels_path in sorted(folder.glob("*.labels.json")):
            labels = json.loads(labels_path.read_text(encoding="utf-8"))
            pairs.append((labels_path.parent / labels["file"], labels))
    return pairs


def main(argv: list[str] | None = None) -> int:
    from reader.errors import LoadError
    from reader.loaders import load

    folders = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or labelled_folders()
    missing = [f for f in folders if not f.is_dir()]
    if missing:
        print(f"names_train: no such folder: {missing[0]}", file=sys.stderr)
        return 2
    data: list[Sample] = []
    for article_path, labels in labelled_files(folders):
        try:
            data.extend(samples(load(article_path), labels))
        except LoadError as exc:
            print(f"names_train: skipping {article_path}: {exc}", file=sys.stderr)
    if not data:
        print("names_train: no labelled names found", file=sys.stderr)
        return 2
    model = fit(data)
    MODEL_FILE.write_text(model.to_json() + "\n", encoding="utf-8")
    right = sum(model.is_person(f) == y for f, y in data)
    print(f"fitted on {len(data)} names ({sum(y for _, y in data)} characters); "
          f"training accuracy {right / len(data):.3f}; wrote {MODEL_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
