"""Where the labelled recap articles are, and which site each comes from: the one definition the
training commands (``train``, ``names_train``) and the cross-validation benchmarks share.

Cross-validation holds out one *site* at a time, so two fitters that disagreed on what a site is
would report figures that cannot be compared.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["REPO", "SHARED", "labelled_folders", "site_of"]

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
#: File-name prefixes of our own articles that name a topic, not a site (tests/data/recaps).
_TOPIC_PREFIXES = ("characters", "episode", "spoilers")


def labelled_folders(shared: Path = SHARED, own: Path = REPO / "tests" / "data") -> list[Path]:
    """The folders of labelled articles (``*.labels.json`` beside each article): the shared
    corpus and sample, and our own ``tests/data/recaps*``. ``own`` is a checkout's tests/data: an
    installed package (as in CI, where tests import the installed copy) has none beside it, so
    the tests pass theirs. Folders are listed whether or not they exist; callers decide."""
    return [shared / "corpus" / "recaps", shared / "corpus" / "recaps2", shared / "samples",
            *sorted(p for p in own.glob("recaps*") if p.is_dir())]


def site_of(path: Path) -> str:
    """The site an article comes from: the first word of its file name ("reddit-..."); our own
    articles named by topic ("spoilers-...") each count as a site of their own. ``path`` may be
    the article or its ``.labels.json``."""
    stem = path.name.split(".", 1)[0]
    first = stem.split("-", 1)[0].lower()
    return stem if first in _TOPIC_PREFIXES else first
