"""The library page at scale: shown, scrolled and searched with 10,000 articles (issue 13).

Run on demand:  python tests/benchmarks/library_view.py [COUNT]

Generates a library of COUNT articles (default 10,000; kept in the temp folder and reused) over
150 made-up shows with up to 5 seasons of 20 episodes, then, in the offscreen window:

- opening the library (``Library()``: sweep and reconcile of the folder with the index);
- showing the library page: from the command to the first painted frame (goal: under 300 ms);
- scrolling: 300 steps of a third of a page, each painted synchronously; the median and the
  worst frame (goal: the worst under 16 ms, one frame at 60 Hz, i.e. no stutter);
- search as you type through the page (``run_search``), median over several queries;
- the resident memory the page adds.

The articles are real analyses (the bundled sample and the labelled recaps) stored under
generated shows, episodes and titles: what the page shows comes from the index exactly as
for imported articles. Writing 10,000 articles durably takes minutes, so while generating
(not while measuring) ``os.fsync`` is skipped.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

SHOWS = 150
_SYLLABLES = ["ka", "ro", "mi", "ta", "ne", "so", "lu", "vi", "da", "pe", "zu", "ho", "ar", "el"]
WORDS = ["orchard", "harbour", "letter", "winter", "bell", "kitchen", "storm", "wedding", "ferry", "garden"]


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def generate(root: Path, count: int) -> None:
    from reader.article import EpisodeInfo
    from reader.bundled import sample_article_path
    from reader.library.store import Library, ReaderState
    from reader.pipeline import open_article

    sources = [sample_article_path()]
    recaps = REPO.parent / "shared" / "corpus" / "recaps"
    if recaps.is_dir():
        sources += sorted(p for p in recaps.iterdir() if p.suffix in (".html", ".mhtml"))[:6]
    opened = [open_article(p) for p in sources]
    rng = random.Random(13)
    shows = sorted({"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).title() + " "
                    + rng.choice(["Street", "Lights", "Bell", "Harbour", "Year", "House", ""]) for _ in range(SHOWS)})
    scratch = root.parent / f"{root.name}-sources"
    scratch.mkdir(parents=True, exist_ok=True)
    real_fsync = os.fsync
    os.fsync = lambda _fd: None  # generating only; see the module docstring
    try:
        library = Library(root)
        for n in range(count):
            show = shows[n % len(shows)].strip()
            season, episode = 1 + (n // len(shows)) % 5, 1 + (n // (len(shows) * 5)) % 20
            base = opened[n % len(opened)]
            title = f"{show} S{season}E{episode}: the {rng.choice(WORDS)} and the {rng.choice(WORDS)}"
            path = scratch / f"article-{n}.txt"
            path.write_text(f"{title}\n\n{n}\n", encoding="utf-8")
            analysis = replace(base.analysis, episode=EpisodeInfo(show, season, episode), safe_title=title)
            added = library.add(path, opened=replace(base, article=replace(base.article, title=title),
                                                     analysis=analysis))
            if n % 3 == 0:
                library.save_state(added.entry.id, ReaderState(position=1.0, furthest=1.0))
            if n % 1000 == 999:
                print(f"  generated {n + 1}", flush=True)
        library.close()
    finally:
        os.fsync = real_fsync


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 10_000
    root = Path(tempfile.gettempdir()) / f"recap-library-bench-{count}"
    from reader.library.store import Library

    if not (root / "articles").is_dir() or len(os.listdir(root / "articles")) < count:
        print(f"generating a library of {count} articles in {root} …", flush=True)
        generate(root, count)

    from PySide6.QtWidgets import QApplication

    from reader.library.progress import ProgressStore
    from reader.ui.app import create_application
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

    scratch = Path(tempfile.mkdtemp(prefix="recap-library-bench-"))
    app = create_application()
    started = time.perf_counter()
    library = Library(root)
    opened_ms = (time.perf_counter() - started) * 1000
    window = MainWindow(Settings.at(scratch / "s.ini"), ProgressStore(scratch / "p.json"), persist=False,
                        library=library)
    window.resize(1280, 860)
    window.show()
    app.processEvents()
    before = _rss_mb()

    page = window.library_page
    started = time.perf_counter()
    window.show_library()
    QApplication.processEvents()
    page.tree.viewport().repaint()
    shown_ms = (time.perf_counter() - started) * 1000
    after = _rss_mb()
    entries = page.model.entry_count()

    bar = page.tree.verticalScrollBar()
    frames = []
    step = max(1, bar.pageStep() // 3)
    for _ in range(300):
        started = time.perf_counter()
        bar.setValue(bar.value() + step if bar.value() < bar.maximum() else 0)
        QApplication.processEvents()  # the scrolled frame is laid out and painted here
        frames.append((time.perf_counter() - started) * 1000)

    searches = []
    for query in ["orch", "orchard", "harbour bell", "winter", "ka", "letter the", "zzzz"]:
        page.search.setText(query)
        started = time.perf_counter()
        page.run_search()
        QApplication.processEvents()
        searches.append((time.perf_counter() - started) * 1000)
    page.search.clear()
    page.run_search()

    resorted = []
    for index in range(page.sort.count()):
        started = time.perf_counter()
        page.sort.setCurrentIndex(index)
        QApplication.processEvents()
        resorted.append((time.perf_counter() - started) * 1000)

    print(f"library of {entries:,} articles")
    print(f"  Library() opened (sweep, reconcile):   {opened_ms:7.1f} ms")
    print(f"  library page shown, first frame:       {shown_ms:7.1f} ms   (goal < 300 ms)")
    print(f"  scrolling, 300 steps: median frame     {statistics.median(frames):7.2f} ms, "
          f"worst {max(frames):.2f} ms   (goal: worst < 16 ms)")
    print(f"  search through the page: median        {statistics.median(searches):7.1f} ms, "
          f"worst {max(searches):.1f} ms")
    print(f"  re-sorting (show / date / title):      {', '.join(f'{t:.0f}' for t in resorted)} ms")
    print(f"  resident memory added by the page:     {after - before:7.1f} MB (process {after:.0f} MB)")
    window.close()
    ok = shown_ms < 300 and max(frames) < 16
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
