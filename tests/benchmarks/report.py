"""One command for every benchmark: writes tests/benchmarks/RESULTS.md.

Run on demand:  python tests/benchmarks/report.py [--quick] [--skip NAME ...]

Each benchmark runs as its own process, in the same run as its peers and floors, and the report
keeps its output with the machine it ran on:

- extraction quality and time per page against trafilatura and readability-lxml
  (``extraction.py``), with the floor: raw lxml parsing of the same pages, and ratios;
- analysis quality, time per article and its growth with length (``analysis.py``);
- start to painted, open to painted and peak memory against a bare PySide6 window
  (``startup.py``);
- hostile-suite bounds: each hostile input's outcome, time and peak memory through ``analyze``,
  the window's screenshot path and start-up with damaged state files (``hostile.py``).

``--quick`` runs the hostile suite at a tenth of its size and startup with fewer runs, for a
look in a few minutes; the committed RESULTS.md should come from a full run.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "support"))


def _run(script: str, *args: str, timeout: float = 3600) -> tuple[str, float]:
    started = time.monotonic()
    try:
        result = subprocess.run([sys.executable, str(HERE / script), *args], capture_output=True, text=True,
                                timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return f"(did not finish within {timeout:.0f} s)", time.monotonic() - started
    out = result.stdout.rstrip()
    if result.returncode != 0:
        out += f"\n(exit status {result.returncode}; last stderr line: {result.stderr.strip().splitlines()[-1:]})"
    return out, time.monotonic() - started


def _versions() -> str:
    parts = [f"Python {platform.python_version()}", f"{os.cpu_count()} cores",
             f"load average {os.getloadavg()[0]:.1f} at start"]
    for module in ("PySide6", "lxml", "trafilatura", "readability"):
        try:
            imported = __import__(module)
            version = getattr(imported, "__version__", None)
            if module == "lxml":
                from lxml import etree
                version = ".".join(map(str, etree.LXML_VERSION))
            parts.append(f"{module} {version or '?'}")
        except ImportError:
            parts.append(f"{module} missing")
    return ", ".join(parts)


def lxml_floor() -> tuple[float | None, int]:
    """Median milliseconds to parse each extraction page with lxml alone: the floor any
    extractor built on it pays before doing anything."""
    try:
        from extraction_corpus import SUITES
    except Exception as err:  # noqa: BLE001 - the corpus is optional (../shared)
        print(f"no extraction corpus: {err}", file=sys.stderr)
        return None, 0
    from lxml import html as lxml_html

    shared = ROOT.parent / "shared"
    times = []
    for pages_of in SUITES.values():
        for page in pages_of(shared):
            started = time.perf_counter()
            lxml_html.document_fromstring(page.html)
            times.append((time.perf_counter() - started) * 1000)
    return (statistics.median(times) if times else None), len(times)


_ROW = re.compile(r"^(?P<suite>.*?)\s+(?P<who>ours|trafilatura|readability-lxml)\s+(?P<p>[\d.]+)\s+(?P<r>[\d.]+)\s+"
                  r"(?P<f1>[\d.]+)\s+(?P<worst>[\d.]+)\s+(?P<ms>[\d.]+)\s*$")


def extraction_ratios(output: str, floor_ms: float | None) -> str:
    """A table of ours against each peer and the lxml floor, from ``extraction.py``'s rows."""
    rows = [m.groupdict() for m in map(_ROW.match, output.splitlines()) if m]
    suite = ""
    for row in rows:  # the suite name is printed on the first row of each suite only
        suite = row["suite"].strip() or suite
        row["suite"] = suite
    lines = ["| suite | extractor | F1 | F1 ours / peer | ms/page | time / ours | time / lxml parse |",
             "|---|---|---|---|---|---|---|"]
    for suite in dict.fromkeys(r["suite"] for r in rows):
        group = {r["who"]: r for r in rows if r["suite"] == suite}
        ours = group.get("ours")
        if ours is None:
            continue
        for who, row in group.items():
            f1_ratio = float(ours["f1"]) / float(row["f1"]) if float(row["f1"]) else float("nan")
            time_ratio = float(row["ms"]) / float(ours["ms"]) if float(ours["ms"]) else float("nan")
            floor = f"{float(row['ms']) / floor_ms:.1f}x" if floor_ms else "n/a"
            lines.append(f"| {suite} | {who} | {row['f1']} | {f1_ratio:.3f} | {row['ms']} | {time_ratio:.2f}x | {floor} |")
    return "\n".join(lines) if len(lines) > 2 else "(no rows to compare)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--skip", nargs="*", default=[], choices=["extraction", "analysis", "startup", "hostile"])
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    started = time.strftime("%Y-%m-%d %H:%M")
    sections = [f"# Benchmark results\n\nWritten by `python tests/benchmarks/report.py{' --quick' if args.quick else ''}` "
                f"on {started}: {_versions()}.\nTimings vary with machine load; each section names its peer "
                f"or floor from the same run.\n"]

    if "extraction" not in args.skip:
        out, seconds = _run("extraction.py")
        floor, pages = lxml_floor()
        floor_text = f"{floor:.1f} ms median over {pages} pages" if floor else "not measured"
        sections.append(f"## Extraction ({seconds:.0f} s)\n\nFloor: raw lxml parsing, {floor_text}.\n\n"
                        f"{extraction_ratios(out, floor)}\n\n```\n{out}\n```\n")
        print("extraction done", flush=True)
    if "analysis" not in args.skip:
        out, seconds = _run("analysis.py")
        sections.append(f"## Analysis: quality, time per article, growth with length ({seconds:.0f} s)\n\n```\n{out}\n```\n")
        print("analysis done", flush=True)
    if "startup" not in args.skip:
        out, seconds = _run("startup.py", "--runs", "3" if args.quick else "5")
        sections.append(f"## Window: start to painted, open to painted, peak memory, against a bare "
                        f"PySide6 window ({seconds:.0f} s)\n\n```\n{out}\n```\n")
        print("startup done", flush=True)
    if "hostile" not in args.skip:
        scale = "0.1" if args.quick else "1.0"
        out, seconds = _run("hostile.py", "--scale", scale, "--timeout", "30", "--state", "--screenshot")
        sections.append(f"## Hostile inputs at scale {scale} ({seconds:.0f} s)\n\nGoal: each ends in an article "
                        f"or one clear error line within 10 s and 1 GB; start-up with a damaged state file "
                        f"under 1 s more than the clean start (first row of the last table).\n\n{out}\n")
        print("hostile done", flush=True)

    args.out.write_text("\n".join(sections), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
