"""Pictures of the library view, a search and the progress screen, in light and dark, to look at.

    python tests/support/library_screenshots.py OUT_DIR [RECAPS_DIR]

Builds a small library in a scratch folder (a few dozen articles: generated episode reviews of
three made-up shows, plus the labelled recaps in RECAPS_DIR when given, and the bundled sample),
marks some read or partly read and one show watched, and saves PNGs of the window to OUT_DIR.
The reader's own settings, progress and library are never touched. README's picture is
``library-light.png`` from this script.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SHOWS = {
    "Harbor Lights": (2, 8, "the keeper walks the pier while the fog rolls in over the quiet harbour"),
    "Orchard Lane": (1, 10, "the orchard family argues over the harvest and the old recipe book"),
    "The Copper Bell": (3, 6, "the bell tower choir rehearses for the winter festival in the square"),
}
SEARCH = "orchard"


def _episode(folder: Path, show: str, season: int, episode: int, about: str) -> Path:
    path = folder / f"{show.lower().replace(' ', '-')}-s{season}e{episode}.md"
    path.write_text(f"# {show} season {season} episode {episode} review\n\nThis week {about}. "
                    f"Episode {episode} takes its time, and the cast makes the most of it.\n\n"
                    f"The pacing of part {episode} is gentle; the score does a lot of the work.\n",
                    encoding="utf-8")
    return path


def build_library(root: Path, scratch: Path, recaps: Path | None) -> None:
    from reader.bundled import sample_article_path
    from reader.library.importer import import_paths
    from reader.library.store import Library, ReaderState

    sources = scratch / "sources"
    sources.mkdir(parents=True)
    for show, (seasons, episodes, about) in SHOWS.items():
        for season in range(1, seasons + 1):
            for episode in range(1, episodes + 1, 2 if seasons > 1 else 1):
                _episode(sources, show, season, episode, about)
    paths = [sources, sample_article_path()]
    if recaps is not None:
        paths += sorted(p for p in recaps.iterdir() if p.suffix in (".html", ".mhtml", ".txt"))
    library = Library(root)
    import_paths(library, paths)
    for number, entry in enumerate(library.entries()):
        if number % 3 == 0:
            library.save_state(entry.id, ReaderState(position=1.0, furthest=1.0, last_opened=time.time()))
        elif number % 5 == 0:
            library.save_state(entry.id, ReaderState(position=0.4, furthest=0.4))
    library.close()


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    recaps = Path(argv[1]) if len(argv) > 1 else None
    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="recap-library-shots-"))
    os.environ["RECAP_READER_DATA_DIR"] = str(scratch / "data")
    os.environ["RECAP_READER_CONFIG_DIR"] = str(scratch / "config")

    from reader.library.progress import ProgressStore, WatchProgress
    from reader.library.store import Library
    from reader.ui.app import SCREENSHOT_SIZE, _settle, create_application
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import Settings

    build_library(scratch / "library", scratch, recaps)
    app = create_application()
    progress = ProgressStore(scratch / "progress.json")
    progress.set_watched("Orchard Lane", WatchProgress("Orchard Lane", 1, 4))
    for theme in ("light", "dark"):
        settings = Settings.at(scratch / f"settings-{theme}.ini")
        settings.theme = theme
        window = MainWindow(settings, progress, persist=False, library=Library(scratch / "library"))
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        window.show_library()
        _settle(app, 300)
        window.grab().save(str(out / f"library-{theme}.png"))
        window.library_page.search.setText(SEARCH)
        window.library_page.run_search()
        _settle(app, 300)
        window.grab().save(str(out / f"search-{theme}.png"))
        window.library_page.search.clear()
        window.show_progress_screen()
        dialog = window._progress_dialog
        assert dialog is not None
        dialog.select_show("Orchard Lane")
        _settle(app, 300)
        dialog.grab().save(str(out / f"progress-{theme}.png"))
        dialog.close()
        window.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
