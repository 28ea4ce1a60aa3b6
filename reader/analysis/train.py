"""Fit the spoiler shield's weights: ``python -m reader.analysis.train``.

Training material (read where it lies, never copied into the project):

- labelled recap articles (``*.labels.json``, schema in ``../shared/corpus/recaps/README.md``):
  ``../shared/corpus/recaps``, ``../shared/corpus/recaps2``, ``../shared/samples`` and our own
  ``tests/data/recaps*``.
  A ``must_hide`` block is plot (1), a ``must_show`` block safe (0); other blocks are not used.
- the TV Tropes spoiler sentences (``../shared/corpus/tvtropes/train.csv``, Boyd-Graber, Glasgow
  & Zajac 2013, CC BY-NC-SA 3.0): one page per show, one block per trope entry; an entry's
  target is the share of its sentences the site's editors tagged as spoilers. Trope prose
  outnumbers recap prose many times, so its rows are weighted to carry ``TVTROPES_SHARE`` of
  the recap rows' total weight: the model must not learn trope pages at the expense of recaps.

The fit is an L2-regularised logistic regression (scikit-learn, the ``train`` extra; the app
itself needs only the JSON it writes). The Cautious threshold is chosen on the training material
alone, by cross-validation (recap sites and TV Tropes shows held out a fold at a time), for each
kind of page (``shield_features.is_show_level``):

- on pages about an episode, whose labels are whole blocks that are plainly plot or plainly
  safe: the highest threshold at which held-out plot blocks are hidden at ``CAUTIOUS_RECALL``;
- on pages about a whole show, whose labels are sentences some editor tagged (noisy: a 99%
  target there would hide nearly everything): the equal-error threshold, where the held-out
  share of plot hidden equals the share of safe text left readable, and never above Balanced.

Balanced and Relaxed are fixed (0.5 and 0.75) for both kinds.
``tests/benchmarks/shield_cv.py`` scores this whole procedure on sites it never saw.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.analysis.labelled_corpus import REPO, SHARED, labelled_folders, site_of
from reader.analysis.shield_features import FEATURE_NAMES, block_features, feature_docs, page_context
from reader.analysis.shield_model import DEFAULT_THRESHOLDS, Caution, ShieldModel, gram_buckets
from reader.article import Article, Block

#: How many hashed buckets hold the word unigrams and bigrams.
GRAM_BUCKETS = 4096
#: The TV Tropes rows together weigh this share of the recap rows' total weight.
TVTROPES_SHARE = 1.0
#: Inverse regularisation strength of the logistic regression.
C = 1.0
#: Share of plot blocks the Cautious threshold must hide on held-out training sites.
CAUTIOUS_RECALL = 0.99
#: Balanced and Relaxed are fixed points; only Cautious is fitted (``cautious_thresholds``).
FIXED_THRESHOLDS: dict[Caution, float] = {level: t for level, t in DEFAULT_THRESHOLDS.items()
                                         if level is not Caution.CAUTIOUS}


@dataclass
class Row:
    """One block as training material."""

    site: str  # the site it comes from (cross-validation holds out one site at a time)
    group: str  # the article (or TV Tropes show)
    domain: str  # "recap" or "tvtropes"
    features: list[float]
    grams: dict[int, float]
    plot: float  # 1 plot, 0 safe; for TV Tropes the share of spoiler sentences
    sentences: tuple[int, int] = (0, 0)  # TV Tropes: (spoiler sentences, safe sentences)
    text: str = field(default="", repr=False)
    marked: bool = False  # the page marks the whole block: always hidden, never fitted
    show_level: bool = False  # its page is about a whole show (``shield_features.is_show_level``)

    def counts(self) -> tuple[int, int]:
        """(plot, safe) units it stands for: TV Tropes sentences, or the block itself."""
        if self.domain == "tvtropes":
            return self.sentences
        return int(self.plot == 1.0), int(self.plot == 0.0)


def recap_folders(shared: Path = SHARED, own: Path = REPO / "tests" / "data") -> list[Path]:
    """Every folder of labelled recap articles the training reads (``labelled_corpus``)."""
    return [f for f in labelled_folders(shared, own) if f.is_dir()]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\xa0", " ")).strip().casefold()


def _block_index(blocks: Sequence[Block], snippet: str) -> int | None:
    """The block a label snippet names: the first that starts with it, else the first holding it."""
    key = _norm(snippet)
    for block in blocks:
        if _norm(block.text).startswith(key):
            return block.id
    for block in blocks:
        if key in _norm(block.text):
            return block.id
    return None


def _analysed(article: Article):  # noqa: ANN202 - PageContext
    from reader.analysis.characters import find_characters
    from reader.analysis.episode import read_episode

    return page_context(article, find_characters(article), read_episode(article))


def _rows_of(page, targets: dict[int, float], site: str, group: str, domain: str,  # noqa: ANN001
             sentences: dict[int, tuple[int, int]] | None = None) -> list[Row]:
    rows = []
    for i, plot in targets.items():
        spans = [(h.start, h.end) for h in page.index.hits(page.texts[i])]
        rows.append(Row(site, group, domain, block_features(page, i), gram_buckets(page.texts[i], spans, GRAM_BUCKETS),
                        plot, (sentences or {}).get(i, (0, 0)), page.article.blocks[i].text,
                        show_level=page.show_level))
    return rows


def recap_rows(folders: Iterable[Path]) -> list[Row]:
    """The labelled blocks of every article in ``folders`` (whole-block markup left out: the
    page's own markup always hides those, the model is never asked)."""
    from reader.loaders import load

    rows: list[Row] = []
    for folder in folders:
        for labels_path in sorted(folder.glob("*.labels.json")):
            labels = json.loads(labels_path.read_text(encoding="utf-8"))
            path = labels_path.parent / labels["file"]
            article = load(path)
            targets: dict[int, float] = {}
            for key, plot in (("must_hide", 1.0), ("must_show", 0.0)):
                for snippet in labels.get(key, []):
                    i = _block_index(article.blocks, snippet)
                    if i is not None:
                        targets[i] = plot
            page_rows = _rows_of(_analysed(article), targets, site_of(path), f"{folder.name}/{path.name}", "recap")
            for row, i in zip(page_rows, targets):
                row.marked = article.blocks[i].is_marked_spoiler
            rows += page_rows
    return rows


def _humanise(camel: str) -> str:
    camel = re.sub(r"\.html?$", "", camel)
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[a-zA-Z])(?=[0-9])", " ", camel).strip()


def _clean(sentence: str) -> str:
    sentence = re.sub(r"\s+", " ", sentence).strip()
    sentence = re.sub(r" +([.,;:!?)\]])", r"\1", sentence)
    return re.sub(r"([(\[]) +", r"\1", sentence)


def tvtropes_pages(csv_path: Path) -> list[tuple[str, Article, dict[int, tuple[int, int]]]]:
    """One page per show, as the app would read it: the show's name, then one paragraph per
    trope entry ("Trope Name: sentence sentence"). For each block, (spoiler, safe) sentences."""
    shows: dict[str, list[dict]] = {}
    with csv_path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle):
            text = _clean(row["sentence"])
            if re.search(r"\w", text):
                shows.setdefault(row["page"], []).append(dict(row, sentence=text))
    pages = []
    for show, rows in shows.items():
        entries: list[list[dict]] = []
        for row in rows:
            if entries and entries[-1][0]["trope"] == row["trope"]:
                entries[-1].append(row)
            else:
                entries.append([row])
        blocks: list[Block] = []
        counts: dict[int, tuple[int, int]] = {}
        for entry in entries:
            text = f"{_humanise(entry[0]['trope'])}: " + " ".join(r["sentence"] for r in entry)
            spoilers = sum(r["spoiler"].strip() == "True" for r in entry)
            counts[len(blocks)] = (spoilers, len(entry) - spoilers)
            blocks.append(Block(len(blocks), "paragraph", text))
        pages.append((show, Article(_humanise(show), blocks, None, "text"), counts))
    return pages


def tvtropes_rows(csv_path: Path, shows: int | None = None) -> list[Row]:
    """The TV Tropes entries as rows (the first ``shows`` shows in file order, or all)."""
    rows: list[Row] = []
    for show, article, counts in tvtropes_pages(csv_path)[:shows]:
        targets = {i: s / (s + n) for i, (s, n) in counts.items()}
        rows += _rows_of(_analysed(article), targets, "tvtropes", show, "tvtropes", counts)
    return rows


# ---------------------------------------------------------------- fitting

def _fitted(rows: Sequence[Row]) -> list[Row]:
    return [r for r in rows if not r.marked]


def _matrix(rows: Sequence[Row]):  # noqa: ANN202 - scipy.sparse.csr_matrix
    from scipy.sparse import csr_matrix

    n = len(FEATURE_NAMES)
    data, indices, indptr = [], [], [0]
    for row in rows:
        for k, x in enumerate(row.features):
            if x:
                data.append(x)
                indices.append(k)
        for k, x in sorted(row.grams.items()):
            data.append(x)
            indices.append(n + k)
        indptr.append(len(data))
    return csr_matrix((data, indices, indptr), shape=(len(rows), n + GRAM_BUCKETS))


def _weights(rows: Sequence[Row]) -> list[float]:
    recap = sum(1 for r in rows if r.domain == "recap")
    tropes = sum(1 for r in rows if r.domain == "tvtropes")
    trope_weight = TVTROPES_SHARE * recap / tropes if tropes and recap else 1.0
    return [trope_weight if r.domain == "tvtropes" else 1.0 for r in rows]


def fit(rows: Sequence[Row], thresholds: dict[Caution, float] | None = None, inner_folds: int = 4) -> ShieldModel:
    """A model fitted on ``rows``; the Cautious thresholds (pages about an episode, pages about
    a whole show) from cross-validation over their sites and shows unless ``thresholds`` are
    given (then for both kinds)."""
    from scipy.sparse import vstack
    from sklearn.linear_model import LogisticRegression

    rows = _fitted(rows)
    x = _matrix(rows)
    weights = _weights(rows)
    # A fractional target (a TV Tropes entry with some spoiler sentences) is two weighted rows.
    xs = vstack([x, x])
    ys = [1] * len(rows) + [0] * len(rows)
    ws = [w * r.plot for w, r in zip(weights, rows)] + [w * (1 - r.plot) for w, r in zip(weights, rows)]
    clf = LogisticRegression(C=C, max_iter=2000, tol=1e-3)
    clf.fit(xs, ys, sample_weight=ws)
    coef = clf.coef_[0]
    n = len(FEATURE_NAMES)
    model = ShieldModel(FEATURE_NAMES, tuple(float(w) for w in coef[:n]),
                        tuple(float(w) for w in coef[n:n + GRAM_BUCKETS]),
                        float(clf.intercept_[0]), dict(DEFAULT_THRESHOLDS))
    show_thresholds: dict[Caution, float] = {}
    if thresholds is None:
        episode, show = cautious_thresholds(rows, inner_folds)
        thresholds = {Caution.CAUTIOUS: episode, **FIXED_THRESHOLDS}
        if show is not None:
            show_thresholds = {Caution.CAUTIOUS: show}
    return ShieldModel(model.feature_names, model.feature_weights, model.gram_weights, model.bias, thresholds,
                       show_thresholds)


def probability(model: ShieldModel, row: Row) -> float:
    from reader.analysis.shield_model import sigmoid

    return sigmoid(model.logit(row.features, row.grams))


def cautious_thresholds(rows: Sequence[Row], folds: int = 4) -> tuple[float, float | None]:
    """The Cautious thresholds for pages about an episode and pages about a whole show, from
    ``folds``-fold cross-validation inside ``rows`` (recap sites and TV Tropes shows dealt
    round-robin into the folds). None for show pages when there are none to calibrate on."""
    sites = sorted({r.site for r in rows if r.domain == "recap"})
    shows = sorted({r.group for r in rows if r.domain == "tvtropes"})
    if len(sites) < 2:
        return 0.25, None
    held_out: list[tuple[float, Row]] = []
    for k in range(min(folds, len(sites))):
        held = set(sites[k::folds]) | set(shows[k::folds])
        model = fit([r for r in rows if r.site not in held and r.group not in held],
                    thresholds=dict(DEFAULT_THRESHOLDS))
        held_out += [(probability(model, r), r) for r in rows if r.site in held or r.group in held]
    episode = recall_threshold([p for p, r in held_out if not r.show_level and r.domain == "recap" and r.plot == 1.0])
    show = equal_error_threshold([(p, *r.counts()) for p, r in held_out if r.show_level])
    return episode, show


def recall_threshold(plot_scores: list[float]) -> float:
    """The highest threshold that hides ``CAUTIOUS_RECALL`` of the plot blocks scored so."""
    if not plot_scores:
        return 0.25
    scores = sorted(plot_scores)
    allowed = int(len(scores) * (1 - CAUTIOUS_RECALL))  # plot blocks the threshold may let through
    return max(0.02, min(0.5, scores[allowed] - 1e-6))


def equal_error_threshold(scored: list[tuple[float, int, int]]) -> float | None:
    """The threshold at which the share of plot hidden equals the share of safe text left
    readable, over (p, plot units, safe units); never above Balanced. None without both kinds."""
    plot = sum(n for _, n, _ in scored)
    safe = sum(n for _, _, n in scored)
    if not plot or not safe:
        return None
    hidden, readable = plot, 0  # a threshold below every score hides everything
    best = 0.0
    for p, n_plot, n_safe in sorted(scored):
        # Raise the threshold just past p: this block becomes readable.
        hidden -= n_plot
        readable += n_safe
        if hidden / plot < readable / safe:
            break
        best = p + 1e-6
    return min(best, FIXED_THRESHOLDS[Caution.BALANCED])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.analysis.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared material (default ../shared)")
    parser.add_argument("--no-tvtropes", action="store_true", help="train on the recap articles only")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("shield_weights.json"))
    args = parser.parse_args(argv)
    rows = recap_rows(recap_folders(args.shared))
    tropes = args.shared / "corpus" / "tvtropes" / "train.csv"
    if not args.no_tvtropes and tropes.exists():
        rows += tvtropes_rows(tropes)
    if not rows:
        print("no labelled material found", file=sys.stderr)
        return 1
    model = fit(rows)
    sites = sorted({r.site for r in rows})
    extra = {"trained_on": {"recap_blocks": sum(r.domain == "recap" and not r.marked for r in rows),
                            "tvtropes_entries": sum(r.domain == "tvtropes" for r in rows),
                            "sites": len(sites)}}
    args.out.write_text(model.to_json(feature_docs(), extra), encoding="utf-8")
    show = model.show_thresholds.get(Caution.CAUTIOUS)
    print(f"wrote {args.out} ({len(rows)} rows from {len(sites)} sites; cautious threshold "
          f"{model.thresholds[Caution.CAUTIOUS]:.3f}, on pages about a whole show "
          f"{'the same' if show is None else f'{show:.3f}'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


# ---------------------------------------------------------------- honest figures

@dataclass
class Tally:
    """Hidden plot blocks and readable safe blocks (or sentences) of held-out material."""

    plot: int = 0
    hidden: int = 0
    safe: int = 0
    readable: int = 0

    def add(self, plot: float | int, safe: int, hide: bool) -> None:
        self.plot += int(plot)
        self.safe += safe
        if hide:
            self.hidden += int(plot)
        else:
            self.readable += safe

    @property
    def recall(self) -> float:
        return self.hidden / self.plot if self.plot else 1.0

    @property
    def readable_share(self) -> float:
        return self.readable / self.safe if self.safe else 1.0

    @property
    def balanced(self) -> float:
        return (self.recall + self.readable_share) / 2


def hides(model: ShieldModel, row: Row, caution: Caution = Caution.CAUTIOUS) -> bool:
    return row.marked or probability(model, row) >= model.threshold(caution, row.show_level)


def leave_one_site_out(rows: Sequence[Row], levels: Sequence[Caution] = (Caution.CAUTIOUS,),
                       thresholds: dict[Caution, float] | None = None, folds: int | None = None,
                       inner_folds: int = 4) -> dict[Caution, dict[str, Tally]]:
    """Fit on every site but one, score that site's labelled blocks; per level, per site.
    With ``folds``, sites are dealt round-robin into that many folds and each fold is held out
    whole (cheaper, still never scoring a site the model saw)."""
    out: dict[Caution, dict[str, Tally]] = {level: {} for level in levels}
    sites = sorted({r.site for r in rows if r.domain == "recap"})
    groups = [[site] for site in sites] if folds is None else [sites[k::folds] for k in range(folds)]
    for held in map(set, groups):
        model = fit([r for r in rows if r.site not in held], thresholds, inner_folds)
        for level in levels:
            for row in rows:
                if row.site in held:
                    out[level].setdefault(row.site, Tally()).add(row.plot, int(row.plot == 0.0),
                                                                 hides(model, row, level))
    return out


def tvtropes_folds(rows: Sequence[Row], folds: int = 5, thresholds: dict[Caution, float] | None = None,
                   levels: Sequence[Caution] = (Caution.CAUTIOUS,)) -> dict[Caution, Tally]:
    """5-fold cross-validation over TV Tropes shows (recaps always train), scored per sentence."""
    shows = sorted({r.group for r in rows if r.domain == "tvtropes"})
    out = {level: Tally() for level in levels}
    for k in range(folds):
        held = set(shows[k::folds])
        model = fit([r for r in rows if r.group not in held], thresholds)
        for row in rows:
            if row.group in held:
                for level in levels:
                    spoilers, safe = row.sentences
                    out[level].add(spoilers, safe, hides(model, row, level))
    return out


def total(tallies: Iterable[Tally]) -> Tally:
    out = Tally()
    for t in tallies:
        out.plot += t.plot
        out.hidden += t.hidden
        out.safe += t.safe
        out.readable += t.readable
    return out
