"""Large and pathological pages: time and peak memory of a full load, each in a fresh process.

Run on demand:  python tests/benchmarks/robustness.py [--mb 30]
Goal (issue 2): the 50 MB page in under 10 s and under 1 GB. Since issue 14 files over 32 MB are
refused (reader/loaders/__init__.py), so the default is 30 MB; hostile.py runs every bound.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from reader.loaders import load
start = time.perf_counter()
article = load(sys.argv[1])
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "blocks": len(article.blocks),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def write_pages(folder: Path, megabytes: int) -> dict[str, Path]:
    pages = {}
    article_chunk = (
        "<p>The harbour was quiet that night, and the keeper wrote in the log, as she always did, "
        "that nothing had happened at all.</p>\n" * 5
        + '<div class="related"><a href="/x">Another story</a></div>\n'
    )
    path = folder / "all-article.html"
    with path.open("w", encoding="utf-8") as out:
        out.write("<html><head><title>Huge article</title></head><body><article>")
        out.write(article_chunk * (megabytes * 1024 * 1024 // len(article_chunk)))
        out.write("</article></body></html>")
    pages[f"{megabytes} MB, all article text"] = path

    # A realistic heavy page: a normal article inside megabytes of scripts, inline data and
    # a very long comment thread.
    path = folder / "heavy-page.html"
    script = "<script>var state = " + json.dumps({"k": "x" * 1024 * 1024}) + ";</script>\n"
    comment = '<li class="comment"><p>I have thoughts about this episode, many of them.</p></li>\n'
    with path.open("w", encoding="utf-8") as out:
        out.write("<html><head><title>Heavy page</title>")
        for _ in range(megabytes // 2):
            out.write(script)
        out.write("</head><body><nav><a href='/'>Home</a></nav><article>")
        out.write("<p>A normal recap paragraph with enough words to be the article, and commas.</p>\n" * 40)
        out.write("</article><ol class='comments'>")
        out.write(comment * ((megabytes // 2) * 1024 * 1024 // len(comment)))
        out.write("</ol></body></html>")
    pages[f"{megabytes} MB, scripts + comments"] = path

    path = folder / "deep.html"
    path.write_text("<html><body>" + "<div><span>" * 10_000 + "<p>deep text</p>" + "</span></div>" * 10_000 + "</body></html>")
    pages["10,000-deep nesting"] = path
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for label, path in write_pages(Path(tmp), args.mb).items():
            result = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(ROOT)],
                                    capture_output=True, text=True, timeout=600)
            if result.returncode != 0:
                print(f"{label:32} FAILED: {result.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(result.stdout)
            size = path.stat().st_size / 1e6
            print(f"{label:32} {size:6.1f} MB file  {r['seconds']:6.2f} s  peak {r['peak_mb']:6.0f} MB  {r['blocks']} blocks")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
