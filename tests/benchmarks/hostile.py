"""Hostile inputs through the real commands: outcome, time and peak memory of each, in a fresh
process under a time limit.

Run on demand:  python tests/benchmarks/hostile.py [--scale 1.0] [--screenshot] [--state]
                                                 [--only WORDS] [--json OUT]

Every case must end in an article or one clear error line within 10 s and 1 GB (issue 14).
A child is stopped at ``--timeout`` seconds and limited to ``--memory-limit`` MB of address
space, so a runaway case cannot take the shared machine down; it is then reported as such.
``--screenshot`` also renders each page through the window (``--screenshot``) under ``strace``
and lists any file opened outside the page folder, the interpreter, system libraries and fonts.
``--state`` starts the window with each damaged state file and compares with a clean start.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.support.hostile_inputs import HostileInput, progress_damage, settings_damage, write_inputs  # noqa: E402

GOAL_SECONDS = 10.0
GOAL_MB = 1024


@dataclass
class Outcome:
    seconds: float
    peak_mb: float
    status: str  # "article", "error line", "timeout", "traceback", "crashed", "not one line"
    detail: str = ""
    outside: tuple[str, ...] = ()


def _peak_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


# Runs a module or a code string and writes its own peak resident memory (VmHWM) to a file at
# exit. The kernel's rusage of a child is no use here: its maximum carries over the parent's from
# before exec, and this parent is large (it just wrote the inputs).
_PEAK_WRAPPER = r"""
import atexit, runpy, sys
out, target = sys.argv[1], sys.argv[2]
def report():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            open(out, "w").write(line.split()[1])
atexit.register(report)
sys.argv = [target] + sys.argv[3:]
if target.startswith("-c"):
    sys.argv[0] = "-c"
    exec(compile(target[2:], "<child>", "exec"), {"__name__": "__main__"})
else:
    runpy.run_module(target, run_name="__main__", alter_sys=True)
"""


def python_child(target: str, *args: str, peak_file: Path) -> list[str]:
    """argv running ``python -m TARGET ARGS`` (or ``-cCODE``) under the peak-memory wrapper."""
    return [sys.executable, "-c", _PEAK_WRAPPER, str(peak_file), target, *args]


def run_measured(argv: list[str], timeout: float, memory_mb: int, env: dict[str, str] | None = None,
                 peak_file: Path | None = None) -> tuple[subprocess.CompletedProcess[str] | None, float, float]:
    """Run ``argv``; return (result or None on timeout, seconds, peak resident MB)."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MB_BYTES, memory_mb * MB_BYTES))

    start = time.monotonic()
    def prepare() -> None:
        os.setsid()  # its own group: a timeout ends strace's traced child too
        limit()

    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=prepare, env=env, stdin=subprocess.DEVNULL)
    # Read the pipes on threads so a chatty child never blocks on a full pipe.
    chunks: dict[str, list[str]] = {"out": [], "err": []}
    readers = [threading.Thread(target=lambda s=stream, k=key: chunks[k].append(s.read()), daemon=True)
               for key, stream in (("out", proc.stdout), ("err", proc.stderr))]
    for reader in readers:
        reader.start()
    peak = 0.0
    status = None
    while time.monotonic() - start < timeout:
        peak = max(peak, _peak_mb(proc.pid) or 0.0)
        pid, status, _usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            if peak_file is not None and peak_file.exists() and peak_file.read_text().strip():
                peak = max(peak, int(peak_file.read_text()) / 1024)  # exact, also for a short run
            break
        time.sleep(0.05)
    else:
        os.killpg(proc.pid, 9)
        os.waitpid(proc.pid, 0)
        proc.returncode = -9
        return None, time.monotonic() - start, peak
    seconds = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join(5)
    return subprocess.CompletedProcess(argv, proc.returncode, "".join(chunks["out"]), "".join(chunks["err"])), seconds, peak


MB_BYTES = 1024 * 1024


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.update(extra or {})
    return env


def classify(result: subprocess.CompletedProcess[str] | None) -> tuple[str, str]:
    if result is None:
        return "timeout", ""
    err = result.stderr.strip()
    if "Traceback" in err or "MemoryError" in err:
        return "traceback", err.splitlines()[-1][:120] if err else ""
    if result.returncode == 0:
        return "article", ""
    if result.returncode < 0:
        return "crashed", f"signal {-result.returncode}"
    lines = err.splitlines()
    return ("error line" if len(lines) == 1 else "not one line"), (lines[0][:120] if lines else "")


def analyze_case(case: HostileInput, timeout: float, memory_mb: int) -> Outcome:
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak"
        argv = python_child("reader", "analyze", "--json", str(case.path), peak_file=peak_file)
        result, seconds, peak = run_measured(argv, timeout, memory_mb, _env(), peak_file)
    status, detail = classify(result)
    return Outcome(seconds, peak, status, detail)


_ALLOWED_PREFIXES = ("/usr/", "/lib", "/etc/", "/proc/", "/sys/", "/dev/", "/run/", "/var/cache/fontconfig",
                     "/tmp/runtime-", sys.prefix, sys.base_prefix, str(ROOT), os.path.expanduser("~/.cache/fontconfig"),
                     os.path.expanduser("~/.fonts"), os.path.expanduser("~/.local/share/fonts"), "/var/lib/")


def screenshot_case(case: HostileInput, timeout: float, memory_mb: int, scratch: Path) -> Outcome:
    """Render through the window; with strace, list what was opened outside the allowed places."""
    out_png = scratch / "shot.png"
    trace = scratch / "trace.txt"
    peak_file = scratch / "peak"
    argv = python_child("reader", "--screenshot", str(out_png), str(case.path), peak_file=peak_file)
    if case.kind == "resource" and shutil.which("strace"):
        argv = ["strace", "-f", "-qq", "-e", "trace=open,openat,openat2", "-o", str(trace)] + argv
    env = _env({"RECAP_READER_DATA_DIR": str(scratch / "data"), "RECAP_READER_CONFIG_DIR": str(scratch / "config"),
                "XDG_RUNTIME_DIR": str(scratch / "runtime")})
    result, seconds, peak = run_measured(argv, timeout, memory_mb, env, peak_file)
    status, detail = classify(result)
    outside: list[str] = []
    if trace.exists():
        page_dir = str(case.path.parent)
        for line in trace.read_text(errors="replace").splitlines():
            if '"' not in line or "ENOENT" in line:
                continue
            opened = line.split('"')[1]
            if "secret" not in opened and (not opened.startswith("/") or opened.startswith(
                    (page_dir, *_ALLOWED_PREFIXES, tempfile.gettempdir()))):
                continue
            outside.append(opened)
        trace.unlink()
    return Outcome(seconds, peak, status, detail, tuple(sorted(set(outside))))


_START_CHILD = r"""
import sys, time
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from reader.ui.app import create_application
app = create_application()
from reader.ui.main_window import MainWindow
window = MainWindow()
window.show()
app.processEvents()
print(round(time.perf_counter() - t0, 3), len(window.progress.entries()))
window.close()
"""


def state_cases(timeout: float, memory_mb: int, scratch: Path, entries: int) -> list[tuple[str, str, Outcome]]:
    """Start the window (with its real settings and progress, in scratch folders) with each
    damaged state file; the time runs from the interpreter's start to the shown window."""
    rows = []
    damages: list[tuple[str, str, object]] = [("none (clean start)", "progress.json", None)]
    damages += [(name, "progress.json", make) for name, (make, _) in progress_damage(entries).items()]
    damages += [(name, "settings.ini", make) for name, make in settings_damage().items()]
    for name, file_name, make in damages:
        case_dir = Path(tempfile.mkdtemp(dir=scratch))
        data, config = case_dir / "data", case_dir / "config"
        data.mkdir()
        config.mkdir()
        if make is not None:
            make((data if file_name == "progress.json" else config) / file_name)  # type: ignore[operator]
        env = _env({"RECAP_READER_DATA_DIR": str(data), "RECAP_READER_CONFIG_DIR": str(config),
                    "XDG_RUNTIME_DIR": str(case_dir)})
        peak_file = case_dir / "peak"
        argv = python_child("-c" + _START_CHILD, str(ROOT), peak_file=peak_file)
        result, seconds, peak = run_measured(argv, timeout, memory_mb, env, peak_file)
        status, detail = classify(result)
        if result is not None and result.returncode == 0:
            status, detail = "started", f"progress entries: {result.stdout.split()[1]}"
        aside = sorted(p.name for p in (data, config) for p in p.iterdir() if ".damaged-" in p.name)
        if aside:
            detail += f"; moved aside: {', '.join(aside)}"
        rows.append((file_name, name, Outcome(seconds, peak, status, detail)))
        shutil.rmtree(case_dir, ignore_errors=True)
    return rows


def state_load_cases(timeout: float, memory_mb: int, scratch: Path, entries: int) -> list[tuple[str, Outcome]]:
    """Only ``ProgressStore`` loading (the part of start-up the progress file affects)."""
    child = ("import sys, time; sys.path.insert(0, sys.argv[2]); "
             "from reader.library.progress import ProgressStore; from pathlib import Path; "
             "t = time.perf_counter(); s = ProgressStore(Path(sys.argv[1])); "
             "print(len(s.entries()), time.perf_counter() - t)")
    rows = []
    for name, (make, readable) in progress_damage(entries).items():
        case_dir = Path(tempfile.mkdtemp(dir=scratch))
        path = case_dir / "progress.json"
        make(path)
        peak_file = case_dir / "peak"
        argv = python_child("-c" + child, str(path), str(ROOT), peak_file=peak_file)
        result, seconds, peak = run_measured(argv, timeout, memory_mb, _env(), peak_file)
        status, detail = classify(result)
        if result is not None and result.returncode == 0:
            kept = int(result.stdout.split()[0])
            detail = f"kept {kept:,} of {len(readable):,} readable entries"
        rows.append((name, Outcome(seconds, peak, status, detail)))
        shutil.rmtree(case_dir, ignore_errors=True)
    return rows


def _fmt(o: Outcome) -> str:
    seconds = f">{o.seconds:.0f} s" if o.status == "timeout" else f"{o.seconds:.1f} s"
    flag = "" if o.status in ("article", "error line", "started") and o.seconds <= GOAL_SECONDS and o.peak_mb <= GOAL_MB else " **over**"
    return f"{seconds} | {o.peak_mb:.0f} MB | {o.status}{flag} | {o.detail}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--memory-limit", type=int, default=3000, help="address-space limit per child, MB")
    parser.add_argument("--screenshot", action="store_true")
    parser.add_argument("--state", action="store_true")
    parser.add_argument("--no-analyze", action="store_true")
    parser.add_argument("--only", default="", help="only cases whose name contains this")
    parser.add_argument("--entries", type=int, default=300_000)
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args()
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="recap-hostile-") as tmp:
        scratch = Path(tmp)
        cases = write_inputs(scratch / "inputs", args.scale)
        selected = [c for c in cases.values() if args.only.lower() in c.name.lower()]
        if not args.no_analyze:
            print("| input | analyze: time | peak | outcome | detail |\n|---|---|---|---|---|", flush=True)
            for case in selected:
                o = analyze_case(case, args.timeout, args.memory_limit)
                print(f"| {case.name} | {_fmt(o)} |", flush=True)
                rows.append({"mode": "analyze", "case": case.name, **o.__dict__})
        if args.screenshot:
            print("\n| input | window: time | peak | outcome | detail | opened outside |\n|---|---|---|---|---|---|", flush=True)
            for case in selected:
                shot_dir = Path(tempfile.mkdtemp(dir=scratch))
                o = screenshot_case(case, args.timeout, args.memory_limit, shot_dir)
                print(f"| {case.name} | {_fmt(o)} | {', '.join(o.outside) or 'none'} |", flush=True)
                rows.append({"mode": "screenshot", "case": case.name, **o.__dict__})
        if args.state:
            print("\n| progress.json | load time | peak | outcome | entries |\n|---|---|---|---|---|", flush=True)
            for name, o in state_load_cases(args.timeout, args.memory_limit, scratch, args.entries):
                print(f"| {name} | {_fmt(o)} |", flush=True)
                rows.append({"mode": "progress-load", "case": name, **o.__dict__})
            print("\n| state file | damage | start to window shown | peak | outcome | detail |\n|---|---|---|---|---|---|", flush=True)
            for file_name, name, o in state_cases(args.timeout, args.memory_limit, scratch, args.entries):
                print(f"| {file_name} | {name} | {_fmt(o)} |", flush=True)
                rows.append({"mode": "start", "file": file_name, "case": name, **o.__dict__})
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, default=list))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
