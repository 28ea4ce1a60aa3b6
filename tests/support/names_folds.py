"""How one cross-validation fold fits and applies the sidebar analysis (shared by the
benchmark ``tests/benchmarks/names_cv.py`` and the floor test).

The fitted part is the character finder's person decision (``reader.analysis.names_model``):
each fold refits it on the other sites' labelled names and analyses the left-out site with it.
The feature records do not depend on the model, so they are read once per article.
"""

from __future__ import annotations

from labelled_sites import Fit, Labelled

from reader.analysis import analyze
from reader.analysis.names_model import PersonModel, using
from reader.analysis.names_train import Sample, fit, samples
from reader.article import Analysis, Article


def fitter(items: list[Labelled]) -> Fit:
    """A fit function for ``cross_validate`` over ``items`` (their records are read here once)."""
    records: dict[int, list[Sample]] = {id(i): samples(i.article, i.labels) for i in items}

    def fit_fold(training: list[Labelled]) -> PersonModel:
        return fit([s for item in training for s in records[id(item)]])
    return fit_fold


def analyse_with(article: Article, model: PersonModel) -> Analysis:
    with using(model):
        return analyze(article)
