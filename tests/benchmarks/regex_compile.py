"""What compiling regular expressions costs a fresh process: importing the app's pipeline and
opening the bundled sample article (the first analysis compiles every pattern it reaches).

Run on demand:  python tests/benchmarks/regex_compile.py [--top 15]

Patches ``re._compiler.compile`` to time each compile in CPU time (the machine is shared), and
reports how many patterns were compiled, their total cost and the most expensive ones with the
module that compiled them. Run it in a fresh process each time: the ``re`` cache and the lazily
compiled patterns make a second open free.
"""

from __future__ import annotations

import argparse
import re._compiler
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

_LOG: list[tuple[float, str, str]] = []
_COMPILE = re._compiler.compile


def _timed_compile(pattern, flags=0):  # noqa: ANN001, ANN202 - the signature re._compiler has
    start = time.process_time()
    compiled = _COMPILE(pattern, flags)
    frame = sys._getframe(1)
    while frame is not None and ("/re/" in frame.f_code.co_filename or frame.f_code.co_filename.endswith("text.py")):
        frame = frame.f_back  # report the module that asked, not re or the lazy wrapper
    where = f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno}" if frame is not None else "?"
    _LOG.append((time.process_time() - start, where, str(pattern)))
    return compiled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    re._compiler.compile = _timed_compile
    start = time.process_time()
    import reader.bundled
    from reader.pipeline import open_article

    imported = time.process_time()
    open_article(reader.bundled.sample_article_path())
    opened = time.process_time()
    total = sum(cost for cost, _, _ in _LOG)
    print(f"{len(_LOG)} patterns compiled in {total * 1000:.1f} ms CPU "
          f"(import {1000 * (imported - start):.0f} ms, first open {1000 * (opened - imported):.0f} ms CPU)")
    for cost, where, pattern in sorted(_LOG, reverse=True)[:args.top]:
        print(f"  {cost * 1000:6.2f} ms  {len(pattern):6d} chars  {where:28s} {pattern[:60]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
