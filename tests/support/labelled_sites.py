"""Every labelled recap we have, grouped by the site that wrote it, for leave-one-site-out
cross-validation of the sidebar analysis (characters, actors, key moments, show and episode).

A site is the file name's first dash-separated word ("reddit-…", "cutaway-…"): the same site
in two folders is one site, so a fold never trains on a sibling page of the page it scores. Our
first own fixtures are named by topic ("characters-…", "spoilers-…", "episode-…") and each
comes from a different invented site, so each of those is a site of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from recap_labels import LabelScore, labelled_articles, load_labels, score

from reader.analysis.labelled_corpus import labelled_folders, site_of
from reader.article import Analysis, Article
from reader.loaders import load

REPO = Path(__file__).resolve().parents[2]


def corpus_folders(shared: Path) -> list[Path]:
    """The folders of labelled articles, with this checkout's own sets."""
    return labelled_folders(shared, REPO / "tests" / "data")


@dataclass
class Labelled:
    path: Path
    labels: dict
    article: Article

    @property
    def site(self) -> str:
        return site_of(self.path)


def load_corpus(shared: Path) -> list[Labelled]:
    items = []
    for folder in corpus_folders(shared):
        if folder.is_dir():
            for article_path, labels_path in labelled_articles(folder):
                items.append(Labelled(article_path, load_labels(labels_path), load(article_path)))
    return items


@dataclass
class Figures:
    """Pooled sidebar figures over many scored articles."""

    scores: list[LabelScore] = field(default_factory=list)

    def _sum(self, attr: str) -> int:
        return sum(getattr(s, attr) for s in self.scores)

    @staticmethod
    def _share(hit: int, total: int) -> float:
        return hit / total if total else 1.0

    @property
    def precision(self) -> float:
        return self._share(self._sum("char_correct"), self._sum("char_predicted"))

    @property
    def recall(self) -> float:
        return self._share(self._sum("char_found"), self._sum("char_labelled"))

    @property
    def actors(self) -> float:
        return self._share(self._sum("actor_right"), self._sum("actor_labelled"))

    @property
    def moments(self) -> float:
        return self._share(self._sum("km_found"), self._sum("km_total"))

    @property
    def episode(self) -> float:
        right = sum(s.show_right and s.season_right and s.episode_right for s in self.scores)
        return self._share(right, len(self.scores))

    def table_row(self) -> str:
        s = self._sum
        episodes = sum(x.show_right and x.season_right and x.episode_right for x in self.scores)
        return (f"P {s('char_correct')}/{s('char_predicted')} = {self.precision:.3f}  "
                f"R {s('char_found')}/{s('char_labelled')} = {self.recall:.3f}  "
                f"actors {s('actor_right')}/{s('actor_labelled')} = {self.actors:.3f}  "
                f"moments {s('km_found')}/{s('km_total')} = {self.moments:.3f}  "
                f"show+season+episode {episodes}/{len(self.scores)} = {self.episode:.3f}")


Fit = Callable[[list[Labelled]], object]
Analyse = Callable[[Article, object], Analysis]


def cross_validate(items: list[Labelled], fit: Fit, analyse: Analyse,
                   sites: Iterable[str] | None = None) -> Figures:
    """Leave one site out: fit on every other site's articles, score the left-out site's."""
    figures = Figures()
    for site in sorted(sites or {i.site for i in items}):
        held_out = [i for i in items if i.site == site]
        model = fit([i for i in items if i.site != site])
        for item in held_out:
            figures.scores.append(score(item.path.name, item.labels, item.article, analyse(item.article, model)))
    return figures
