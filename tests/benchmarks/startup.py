"""Responsiveness of the reader window: start to painted, open to painted, memory.

Run on demand:  python tests/benchmarks/startup.py [--runs 5] [--limit N]

1. Start to painted, side by side in the same run: a fresh process of the app showing the bundled
   sample (through the real command, ``reader.cli.main`` with the sample named: the early open
   in a child process, Qt, the single-instance claim, the window, the article view) against a
   fresh process of a bare PySide6 window showing the same file's text in a QTextBrowser. Time
   runs from just before the process is spawned to the first paint of the text widget's viewport
   after the text is in it (recorded once that paint has finished). Each child also reports its
   peak resident memory (VmHWM) at that point.
2. Open to painted, for the extraction corpus pages (../shared/corpus/extraction): one app
   process opens each page through ``MainWindow.open_paths`` (background load + analysis) and
   times the moment its tab's view is painted; median, 90th percentile and worst.

Goals (issues 5 and 11): start to painted within 2x of the bare window; open to painted p90 under
100 ms; under 150 MB with the sample open. Bytecode is written and used, as in an installed app.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

_COMMON = r'''
import os, sys, time, json
sys.path.insert(0, {root!r}); sys.path.insert(0, {support!r})
from PySide6.QtCore import QEvent, QObject, QTimer

def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0

def watchdog(app, seconds=60):
    """A child that never paints (an exception in a slot does not stop Qt) must not hang the run."""
    QTimer.singleShot(seconds * 1000, lambda: (sys.stderr.write("no paint within %ds\n" % seconds), app.exit(3)))

class PaintProbe(QObject):
    """Calls back once the watched viewport has finished a paint."""
    def __init__(self, callback):
        super().__init__()
        self.callback, self.target = callback, None
    def watch(self, widget):
        self.target = widget
        widget.installEventFilter(self)
        widget.update()
    def eventFilter(self, obj, event):
        if obj is self.target and event.type() == QEvent.Type.Paint:
            self.target = None
            QTimer.singleShot(0, self.callback)
        return False
'''

_BARE = _COMMON + r'''
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.resize(1180, 820)
browser = QTextBrowser(); window.setCentralWidget(browser)
def done():
    print(json.dumps({{"t": time.time(), "mb": peak_mb()}})); sys.stdout.flush(); app.quit()
probe = PaintProbe(done)
watchdog(app)
window.show()
browser.setPlainText(open({sample!r}, encoding="utf-8").read())
probe.watch(browser.viewport())
app.exec()
'''

# The app runs its real command (``reader.cli.main`` with the sample named, as ``recap-reader
# SAMPLE`` would): the early open in a child process, Qt, the single-instance claim, the window.
# The only addition is the probe, attached when the window is first shown.
_APP = r'''
import os, sys, time, json
sys.path.insert(0, {root!r})
import reader.cli as cli

def attach_probe():
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    from reader.ui import main_window

    def peak_mb():
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0

    class PaintProbe(QObject):
        def __init__(self, callback):
            super().__init__()
            self.callback, self.target = callback, None
        def watch(self, widget):
            self.target = widget
            widget.installEventFilter(self)
            widget.update()
        def eventFilter(self, obj, event):
            if obj is self.target and event.type() == QEvent.Type.Paint:
                self.target = None
                QTimer.singleShot(0, self.callback)
            return False

    def done():
        print(json.dumps({{"t": time.time(), "mb": peak_mb()}})); sys.stdout.flush()
        QApplication.instance().quit()

    probe = PaintProbe(done)
    real_show = main_window.MainWindow.show
    def show(window):
        real_show(window)
        main_window.MainWindow.show = real_show
        window.loader.loaded.connect(lambda *_: QTimer.singleShot(
            0, lambda: probe.watch(window.current_tab().view.text_browser().viewport())))
        QTimer.singleShot(60_000, lambda: (sys.stderr.write("no paint within 60s\n"), QApplication.instance().exit(3)))
    main_window.MainWindow.show = show

real_qt_app = cli._qt_app
def qt_app():
    module = real_qt_app()
    attach_probe()
    return module
cli._qt_app = qt_app
sys.exit(cli.main([{sample!r}]))
'''

_OPEN = _COMMON + r'''
from pathlib import Path
from reader.ui.app import create_application
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from reader.library.progress import ProgressStore
import tempfile
app = create_application()
scratch = tempfile.mkdtemp()
window = MainWindow(Settings.at(Path(scratch) / "s.conf"), ProgressStore(Path(scratch) / "p.json"), persist=False)
window.resize(1180, 820); window.show()
paths = [Path(p) for p in json.load(open({listing!r}))]
results = []
state = {{"i": -1, "t0": 0.0}}
def painted():
    results.append({{"path": str(paths[state["i"]]), "ms": (time.perf_counter() - state["t0"]) * 1000}})
    window.close_current_tab()
    QTimer.singleShot(0, step)
def failed(_id, path, message):
    results.append({{"path": str(path), "error": message}})
    QTimer.singleShot(0, step)
probe = PaintProbe(painted)
window.loader.loaded.connect(lambda *_: probe.watch(window.current_tab().view.text_browser().viewport()))
window.loader.failed.connect(failed)
def step():
    state["i"] += 1
    if state["i"] >= len(paths):
        print(json.dumps({{"results": results, "mb": peak_mb()}})); sys.stdout.flush(); app.quit(); return
    state["t0"] = time.perf_counter()
    window.open_paths([paths[state["i"]]])
QTimer.singleShot(0, step)
watchdog(app, 900)
app.exec()
'''


def _child(code: str, home: Path | None = None) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode compiled
    if home is not None:  # the app's settings, progress, log and single-instance socket
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
            folder = home / name.lower()
            folder.mkdir(mode=0o700, exist_ok=True)
            env[name] = str(folder)
    start = time.time()
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=1000, env=env)
    if result.returncode != 0 or not result.stdout.strip():
        raise SystemExit(f"child failed ({result.returncode}):\n{result.stderr}")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    if "t" in data:
        data["s"] = data["t"] - start
    return data


def start_to_painted(runs: int) -> None:
    from reader.bundled import sample_article_path

    fmt = {"root": str(ROOT), "support": str(ROOT / "tests" / "support"), "sample": str(sample_article_path())}
    bare, app = [], []
    with tempfile.TemporaryDirectory() as home:
        for _ in range(runs):  # interleaved, so both see the same machine state
            bare.append(_child(_BARE.format(**fmt)))
            app.append(_child(_APP.format(**fmt), Path(home)))
    b = statistics.median(r["s"] for r in bare)
    a = statistics.median(r["s"] for r in app)
    print(f"start -> sample painted (median of {runs})")
    print(f"  bare QTextBrowser window   {b * 1000:7.0f} ms   peak {statistics.median(r['mb'] for r in bare):6.1f} MB")
    print(f"  Recap Reader               {a * 1000:7.0f} ms   peak {statistics.median(r['mb'] for r in app):6.1f} MB")
    print(f"  ratio                      {a / b:7.2f} x   (goal <= 2x; memory goal < 150 MB)")


def _corpus_files(scratch: Path, limit: int | None) -> list[Path]:
    root = SHARED / "corpus" / "extraction"
    files = sorted((root / "readability-pages").glob("*/source.html"))
    for gz in sorted((root / "article-benchmark" / "html").glob("*.html.gz")):
        target = scratch / gz.name[: -len(".gz")]
        target.write_bytes(gzip.decompress(gz.read_bytes()))
        files.append(target)
    return files[:limit] if limit else files


def _label(path: Path) -> str:
    return path.parent.name if path.name == "source.html" else path.name


def open_to_painted(limit: int | None) -> None:
    if not (SHARED / "corpus" / "extraction").is_dir():
        print("open -> painted: ../shared/corpus/extraction is not here; skipped")
        return
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        files = _corpus_files(scratch, limit)
        listing = scratch / "files.json"
        listing.write_text(json.dumps([str(f) for f in files]))
        data = _child(_OPEN.format(root=str(ROOT), support=str(ROOT / "tests" / "support"),
                                   listing=str(listing)))
    timed = sorted((r["ms"], r["path"]) for r in data["results"] if "ms" in r)
    errors = [r for r in data["results"] if "error" in r]
    ms = [t for t, _ in timed]
    print(f"open -> painted over {len(timed)} corpus pages ({len(errors)} refused)")
    print(f"  median {statistics.median(ms):6.1f} ms   p90 {ms[int(len(ms) * 0.9) - 1]:6.1f} ms   "
          f"worst {ms[-1]:6.1f} ms ({_label(Path(timed[-1][1]))})")
    print(f"  goal: median < 100 ms; peak memory after all pages {data['mb']:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None, help="at most this many corpus pages")
    args = parser.parse_args()
    start_to_painted(args.runs)
    open_to_painted(args.limit)


if __name__ == "__main__":
    main()
