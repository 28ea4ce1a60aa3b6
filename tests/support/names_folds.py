"""How one cross-validation fold fits and applies the sidebar analysis (shared by the
benchmark ``tests/benchmarks/names_cv.py`` and the floor test).

Nothing in the sidebar analysis is fitted yet: every fold uses the shipped rules.
"""

from __future__ import annotations

from labelled_sites import Fit, Labelled

from reader.analysis import analyze
from reader.article import Analysis, Article


def fitter(items: list[Labelled]) -> Fit:
    """A fit function for ``cross_validate`` over ``items``."""
    def fit(training: list[Labelled]) -> object:
        return None
    return fit


def analyse_with(article: Article, model: object) -> Analysis:
    return analyze(article)
