"""Size and start-up time of the standalone bundle against the pip-installed app.

Run on demand:  python tests/benchmarks/bundle.py [--runs 5] [--bundle DIR] [--deb FILE] [--pip CMD]

Without --bundle, packaging/build-deb.sh builds the bundle and the .deb (xz, as shipped) into a
temporary folder with this interpreter (which needs the ``bundle`` extra), and the build time is
reported too. The pip-installed app is the ``recap-reader`` script beside this interpreter
(``pip install .``), else ``python -m reader`` from the checkout; --pip names another command.

Timed, interleaved so both see the same machine state, median of --runs:
- ``--version``: process start to exit without Qt (interpreter and bootloader start-up).
- ``--screenshot``: start to the PNG written and the process gone, with the sample open. It
  includes the screenshot's fixed 600 ms wait for layouts and fades, the same for both.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _du(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def _build(out: Path) -> tuple[Path, Path, float]:
    start = time.monotonic()
    subprocess.run(["bash", str(ROOT / "packaging" / "build-deb.sh"), "--out", str(out / "dist"),
                    "--work", str(out / "work")], check=True, env={**os.environ, "PYTHON": sys.executable})
    seconds = time.monotonic() - start
    return out / "dist" / "recap-reader", next((out / "dist").glob("recap-reader_*.deb")), seconds


def _pip_command() -> list[str]:
    script = Path(sys.executable).parent / "recap-reader"
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader"]


def _timed(command: list[str], scratch: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RECAP_READER_DATA_DIR": str(scratch / "data"),
           "RECAP_READER_CONFIG_DIR": str(scratch / "config")}
    if command[:3] == [sys.executable, "-m", "reader"]:
        env["PYTHONPATH"] = str(ROOT)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=scratch, timeout=120)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{shlex.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, help="an existing one-folder bundle (dist/recap-reader)")
    parser.add_argument("--deb", type=Path, help="its .deb, for the size")
    parser.add_argument("--pip", help="command of the pip-installed app (default: see above)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="recap-bundle-bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        bundle, deb = args.bundle, args.deb
        if bundle is None:
            bundle, deb, seconds = _build(scratch)
            print(f"build (bundle + xz .deb)  {seconds:6.1f} s")
        print(f"one-folder bundle         {_mb(_du(bundle))}")
        if deb is not None:
            print(f".deb                      {_mb(_du(deb))}")

        frozen = [str(bundle / "recap-reader")]
        pip = shlex.split(args.pip) if args.pip else _pip_command()
        print(f"pip-installed app: {shlex.join(pip)}")
        for label, extra in (("--version", ["--version"]),
                             ("--screenshot", ["--screenshot", str(scratch / "shot.png")])):
            times: dict[str, list[float]] = {"bundle": [], "pip": []}
            _timed(frozen + extra, scratch), _timed(pip + extra, scratch)  # warm the page cache
            for _ in range(args.runs):
                times["bundle"].append(_timed(frozen + extra, scratch))
                times["pip"].append(_timed(pip + extra, scratch))
            b, p = statistics.median(times["bundle"]), statistics.median(times["pip"])
            print(f"{label:<14} bundle {b * 1000:6.0f} ms   pip {p * 1000:6.0f} ms   "
                  f"(median of {args.runs})")


if __name__ == "__main__":
    main()
