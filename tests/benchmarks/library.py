"""The library at scale (issue 13): import, search, listing and memory at 10,000 articles.

Run on demand:  python tests/benchmarks/library.py [--articles 10000] [--keep DIR] [--rebuild]

It generates a library's worth of saved articles from the corpora (../shared/corpus/recaps*,
tests/data/recaps*, ../shared/corpus/extraction pages) in a temporary folder, never in the
repository (about 74% recaps, the rest news, blog and documentation pages): each copy of a source article is rewritten to another show (from 150 invented
names) and another season and episode, so contents differ, the library holds many shows and
episodes, and every copy has its own content hash. Labelled recaps have their show name and
episode numbers replaced in the text; the extraction pages (news, blogs, documentation) get a
recap-style headline with a show and an episode. Then, each in a fresh process:

- the import: ``import_paths`` with ``worker_count()`` workers (every core), articles per second,
  and the importing process's peak memory (VmHWM) and its largest worker's;
- a reader's process: opening the library (reconciling the index with the folder), ``entries()``
  (what the library view and ``library list`` show), and search latency over a set of realistic
  queries (show names, character names, rare and common words, several words, and the prefixes a
  reader types on the way to a name), without and with watch progress for 40 shows; median, p90
  and worst, with the process's VmHWM at the end;
- ``recap-reader library list --json`` and ``library search`` as a user runs them (wall time);
- with ``--rebuild``, rebuilding the index from the files (what a lost or damaged index costs).

Goal (issue 13): search median under 50 ms at 10,000 articles. Prints a summary and one JSON line.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

_ADJECTIVES = ["Copper", "Silent", "Northern", "Glass", "Hollow", "Crimson", "Paper", "Iron", "Quiet", "Velvet",
               "Salt", "Winter", "Golden", "Broken", "Lantern"]
_NOUNS = ["Bell", "Harbor", "Orchard", "Station", "Crown", "Ledger", "Lighthouse", "Ferry", "Garden", "Signal"]
SHOWS = [f"The {a} {n}" for a in _ADJECTIVES for n in _NOUNS]  # 150 shows
RECAP_WEIGHT = 8
_COMMON_QUERIES = ["episode", "the", "season finale", "recap", "spoiler warning", "said", "mother", "police",
                   "wedding", "night", "key moments", "review"]


def vm_hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# --- generating ----------------------------------------------------------------------------------


def sources() -> list[tuple[Path, dict[str, Any] | None]]:
    """Every source article, with its labels (show, season, episode, characters) when it has some."""
    found: list[tuple[Path, dict[str, Any] | None]] = []
    folders = sorted(SHARED.glob("corpus/recaps*")) + sorted((REPO / "tests" / "data").glob("recaps*"))
    for folder in folders:
        for labels_file in sorted(folder.glob("*.labels.json")):
            labels = json.loads(labels_file.read_text(encoding="utf-8"))
            stem = labels_file.name[: -len(".labels.json")]
            article = next((p for p in folder.glob(f"{stem}.*") if not p.name.endswith(".json")), None)
            if article is not None:
                found.append((article, labels))
    for page in sorted((SHARED / "corpus" / "extraction").rglob("*")):
        if page.name == "source.html" or page.name.endswith(".html.gz"):
            found.append((page, None))
    return found


def _episode_patterns(season: int | None, episode: int | None) -> list[re.Pattern[str]]:
    if episode is None:
        return []
    e = rf"0?{episode}"
    forms = [rf"\bS0?{season}\s?E{e}\b", rf"\b{season}x{e}\b", rf"\bSeason {season}, Episode {e}\b",
             rf"\bseries {season}, episode {e}\b"] if season is not None else []
    forms += [rf"\bEpisode {e}\b", rf"\bEp\.? ?{e}\b", rf"\bE{e}\b"]
    return [re.compile(f, re.IGNORECASE) for f in forms]


def rewrite(text: str, labels: dict[str, Any] | None, show: str, season: int, episode: int, copy: int,
            kind: str) -> str:
    """The source's text as an article about ``show`` season ``season``, episode ``episode``."""
    if labels is not None and labels.get("show"):
        old = str(labels["show"])
        text = text.replace(old, show).replace(old.upper(), show.upper())
        for pattern in _episode_patterns(labels.get("season"), labels.get("episode")):
            text = pattern.sub(f"S{season}E{episode}", text)
    elif kind == "html":  # a page about something else: give it a recap's headline
        headline = f"{show} S{season}E{episode} recap: "
        text, count = re.subn(r"(<title[^>]*>)", lambda m: m.group(1) + headline, text, count=1, flags=re.I)
        text, _ = re.subn(r"(<h1[^>]*>)", lambda m: m.group(1) + headline, text, count=1, flags=re.I)
        if not count:
            text = f"<title>{headline}</title>" + text
    if kind == "html":
        text += f"\n<!-- copy {copy} -->\n"
    elif kind == "mhtml":
        text = f"X-Copy: {copy}\r\n" + text
    return text


def generate(into: Path, count: int) -> dict[str, Any]:
    start = time.perf_counter()
    found = sources()
    texts = []
    for path, labels in found:
        raw = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
        suffix = ".html" if path.name.endswith(".gz") else path.suffix.lower()
        kind = {".html": "html", ".htm": "html", ".mhtml": "mhtml", ".mht": "mhtml"}.get(suffix, "text")
        texts.append((path, labels, raw.decode("utf-8", errors="surrogateescape"), suffix, kind))
    # A reader's library is mostly recaps: each labelled recap comes up RECAP_WEIGHT times as often
    # as a page from the extraction corpus.
    order = [i for i, (_, labels, *_rest) in enumerate(texts) for _ in range(RECAP_WEIGHT if labels else 1)]
    copies = [0] * len(texts)
    for n in range(count):
        source_index = order[n % len(order)]
        copy = copies[source_index]
        copies[source_index] += 1
        path, labels, text, suffix, kind = texts[source_index]
        show = SHOWS[(copy + source_index) % len(SHOWS)]
        season, episode = 1 + (copy // len(SHOWS) + source_index) % 6, 1 + (copy + 3 * source_index) % 13
        folder = into / show.lower().replace(" ", "-")
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{path.parent.name}-{path.name.split('.')[0]}"[:60]
        target = folder / f"{name}-s{season}e{episode}-{n}{suffix}"
        body = rewrite(text, labels, show, season, episode, n, kind)
        target.write_bytes(body.encode("utf-8", errors="surrogateescape"))
    return {"sources": len(texts), "labelled": sum(1 for _, labels in found if labels), "seconds":
            round(time.perf_counter() - start, 1), "bytes": sum(p.stat().st_size for p in into.rglob("*") if p.is_file())}


def query_set(rng: random.Random) -> list[str]:
    """Queries a reader would type: shows, characters (whole and as typed), rare and common words."""
    names: list[str] = []
    for _, labels in sources():
        for character in (labels or {}).get("characters", []):
            name = character.get("name") if isinstance(character, dict) else character
            if isinstance(name, str) and name.strip():
                names.append(name.strip())
    names = sorted(set(names))
    picked = rng.sample(names, 12)
    typing = []
    for name in rng.sample(names, 4):  # the prefixes on the way to a name: search as you type
        first = name.split()[0]
        typing += [first[:n] for n in range(3, len(first) + 1)]
    shows = [s.lower() for s in rng.sample(SHOWS, 8)] + [s.split()[1] for s in rng.sample(SHOWS, 3)]
    rare = ["lighthouse", "warrant", "tequila", "bakery", "funeral", "ferryman", "pharmacy", "chaebol"]
    return picked + typing + shows + rare + _COMMON_QUERIES + [f"{rng.choice(names).split()[0]} {w}" for w in
                                                                ("kiss", "dies", "father", "secret")]


# --- the measured processes ----------------------------------------------------------------------


def run_import(root: Path, folder: Path) -> dict[str, Any]:
    from reader.library.importer import import_paths, worker_count
    from reader.library.store import Library

    library = Library(root)
    workers = worker_count()
    start = time.perf_counter()
    summary = import_paths(library, [folder], workers=workers)
    seconds = time.perf_counter() - start
    library.close()
    return {"workers": workers, "seconds": round(seconds, 1), "added": len(summary.added),
            "duplicates": len(summary.duplicates), "failed": len(summary.failed),
            "failures": [reason for _, reason in summary.failed[:5]], "error": summary.error,
            "per_second": round(len(summary.added) / seconds, 1),
            "vm_hwm_mb": round(vm_hwm_mb(), 1),
            "worker_max_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run_queries(root: Path, queries: list[str], rebuild: bool) -> dict[str, Any]:
    from reader.library.progress import WatchProgress
    from reader.library.store import Library

    start = time.perf_counter()
    library = Library(root)
    opened = time.perf_counter() - start
    listing = []
    for _ in range(5):
        start = time.perf_counter()
        entries = library.entries()
        listing.append(time.perf_counter() - start)
    shows = sorted({e.show for e in entries if e.show})
    progress = [WatchProgress(show, 3, 6) for show in shows[:40]]
    result: dict[str, Any] = {"articles": len(entries), "shows": len(shows), "open_s": round(opened, 3),
                              "entries_ms": round(statistics.median(listing) * 1000, 1)}
    for label, watched in (("search", ()), ("search_watched", progress)):
        times: list[tuple[float, str, int]] = []
        for _round in range(3):
            for query in queries:
                start = time.perf_counter()
                hits = library.search(query, watched)
                times.append((time.perf_counter() - start, query, len(hits)))
        ms = [t * 1000 for t, _, _ in times]
        worst = max(times)
        result[label] = {"queries": len(queries), "median_ms": round(statistics.median(ms), 1),
                         "p90_ms": round(_percentile(ms, 0.9), 1), "worst_ms": round(worst[0] * 1000, 1),
                         "worst_query": worst[1],
                         "slowest": sorted({(round(t * 1000), q, n) for t, q, n in times}, reverse=True)[:6]}
    result["vm_hwm_mb"] = round(vm_hwm_mb(), 1)
    if rebuild:
        start = time.perf_counter()
        library.rebuild_index()
        result["rebuild_s"] = round(time.perf_counter() - start, 1)
    library.close()
    return result


def _in_child(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"child {args[0]} failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def _cli_seconds(env: dict[str, str], *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, env=env, check=True, cwd=REPO)
    return round(time.perf_counter() - start, 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    parser.add_argument("--rebuild", action="store_true", help="also time rebuilding the index from the files")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    ns = parser.parse_args()
    if ns.child:
        mode, root, *rest = ns.child
        if mode == "import":
            outcome = run_import(Path(root), Path(rest[0]))
        else:
            outcome = run_queries(Path(root), json.loads(rest[0]), rest[1] == "1")
        print(json.dumps(outcome))
        return 0

    work = ns.keep or Path(tempfile.mkdtemp(prefix="recap-library-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        import os

        articles, root = work / "articles", work / "library"
        shutil.rmtree(articles, ignore_errors=True)
        shutil.rmtree(root, ignore_errors=True)
        load = os.getloadavg()[0]
        generated = generate(articles, ns.articles)
        print(f"generated {ns.articles:,} articles from {generated['sources']} sources "
              f"({generated['labelled']} labelled) in {generated['seconds']} s, "
              f"{generated['bytes'] / 1e6:.0f} MB; load average {load:.1f}", flush=True)
        imported = _in_child("import", str(root), str(articles))
        print(f"import: {imported['added']:,} added, {imported['duplicates']} duplicates, {imported['failed']} failed "
              f"in {imported['seconds']} s = {imported['per_second']} articles/s on {imported['workers']} workers; "
              f"VmHWM {imported['vm_hwm_mb']} MB (largest worker {imported['worker_max_rss_mb']} MB)", flush=True)
        queries = query_set(random.Random(13))
        asked = _in_child("query", str(root), json.dumps(queries), "1" if ns.rebuild else "0")
        for label in ("search", "search_watched"):
            s = asked[label]
            print(f"{label}: {s['queries']} queries x3, median {s['median_ms']} ms, p90 {s['p90_ms']} ms, "
                  f"worst {s['worst_ms']} ms ({s['worst_query']!r}); slowest {s['slowest']}")
        print(f"open {asked['open_s']} s, entries() {asked['entries_ms']} ms for {asked['articles']:,} articles in "
              f"{asked['shows']} shows; reader process VmHWM {asked['vm_hwm_mb']} MB"
              + (f"; rebuild {asked['rebuild_s']} s" if ns.rebuild else ""))
        env = {**os.environ, "RECAP_READER_LIBRARY_DIR": str(root), "RECAP_READER_DATA_DIR": str(work / "data"),
               "RECAP_READER_LOG_DIR": str(work / "log"), "PYTHONPATH": str(REPO)}
        cli = {"list_json_s": _cli_seconds(env, "library", "list", "--json"),
               "search_s": _cli_seconds(env, "library", "search", queries[0])}
        print(f"command line: library list --json {cli['list_json_s']} s, library search {cli['search_s']} s")
        print(json.dumps({"articles": ns.articles, "load": round(load, 1), "generated": generated,
                          "import": imported, "reader": asked, "cli": cli}))
    finally:
        if ns.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
