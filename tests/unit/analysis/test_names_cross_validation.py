"""The sidebar's cross-validated quality may only rise: leave-one-site-out over every labelled
article (``tests/benchmarks/names_cv.py`` prints the same figures with details).

The floors are the figures measured when this gate was set or last raised; a change that
lowers one fails here. Raise a floor when a change lifts its figure.

The character precision floor was 0.975 while the person decision was 33 hand-set weights tuned
on 47 of these 55 articles (every fold then ran the same tuned rules, so that figure was not
cross-validated); with the fitted decision each fold is fitted without the site it scores, and
0.966 is the first honest figure.

The recall floor came down from 0.971 (275/283, measured on the sidebar's branch) to 0.968 when
the fitted spoiler shield and the extraction work were merged with it: the weights were refitted
on the merged code and one name fewer is found; this is the first figure measured on main.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "support"))

from labelled_sites import Figures, cross_validate, load_corpus  # noqa: E402
from names_folds import analyse_with, fitter  # noqa: E402

FLOORS = {
    "precision": 0.975,
    # 273/283 and 202/207 after the rule audit removed actor-link forms only one labelled site
    # backed (274/283 and 205/207 before; tests/benchmarks/README.md, "Rules and the sites ...").
    "recall": 0.964,
    "actors": 0.975,
    # 209/217 since the key moments read narration with the judge's name index, which knows the
    # characters, rather than with capitalised words standing in for them (207/217 before).
    "moments": 0.963,
    "episode": 1.0,
}


@pytest.fixture(scope="module")
def cross_validated(shared_dir: Path) -> Figures:
    items = load_corpus(shared_dir)
    assert len({i.site for i in items}) >= 40, "expected the shared corpus and our own sets"
    return cross_validate(items, fitter(items), analyse_with)


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_cross_validated_figure_holds_its_floor(cross_validated: Figures, figure: str) -> None:
    assert getattr(cross_validated, figure) >= FLOORS[figure], cross_validated.table_row()
