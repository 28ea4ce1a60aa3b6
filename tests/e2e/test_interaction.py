"""The window under real use, each run in a child process so that a crash fails a test.

With PySide6 6.11 an exception escaping a Qt override, or a deleted object touched again,
kills the process with a segmentation fault; pytest's own process must not be the one to die.
``tests/support/interaction.py`` drives the real window with real clicks, wheel turns and keys,
waiting past the reveal fade, which is exactly where the window used to die (a fade that had
deleted itself was touched by the next scroll). A run fails on a crash, an error the app logged
(a guarded override that raised) or a Qt warning.
"""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from interaction import EXIT_ERRORS, EXIT_OK, SCENARIOS  # noqa: E402

pytestmark = pytest.mark.slow

DRIVER = Path(__file__).resolve().parents[1] / "support" / "interaction.py"
TIMEOUT_S = 180
# Fixed seeds run in CI; tests/benchmarks/monkey.py runs many more and longer.
CI_MONKEY = [(1, 40), (2, 40)]


def _articles(data_dir: Path) -> list[str]:
    """The bundled sample and two labelled recaps, so that tabs can be switched and closed."""
    from reader.bundled import sample_article_path

    recaps = sorted(p for p in (data_dir / "recaps").iterdir() if p.suffix in (".html", ".md", ".txt"))[:2]
    return [str(p) for p in recaps] + [str(sample_article_path())]


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(DRIVER), *args], capture_output=True, text=True,
                          timeout=TIMEOUT_S, check=False)


@pytest.fixture(scope="module")
def runs(data_dir: Path) -> dict[str, subprocess.CompletedProcess[str]]:
    """Every scenario and the CI monkey seeds, two child processes at a time."""
    files = _articles(data_dir)
    jobs = {f"scenario {name}": ["scenario", name, *files] for name in SCENARIOS}
    jobs.update({f"monkey {seed}": ["monkey", str(seed), str(count), *files] for seed, count in CI_MONKEY})
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {key: pool.submit(_run, args) for key, args in jobs.items()}
        return {key: future.result() for key, future in futures.items()}


def _explain(run: subprocess.CompletedProcess[str]) -> str:
    signal = f" (killed by signal {-run.returncode})" if run.returncode < 0 else ""
    return f"exit status {run.returncode}{signal}\n--- stderr ---\n{run.stderr[-4000:]}"


@pytest.mark.parametrize("name", [n for n in SCENARIOS if n != "fault-in-override"])
def test_scenario_survives(runs: dict[str, subprocess.CompletedProcess[str]], name: str) -> None:
    run = runs[f"scenario {name}"]
    assert run.returncode == EXIT_OK, _explain(run)


@pytest.mark.parametrize("seed", [seed for seed, _ in CI_MONKEY])
def test_monkey_survives(runs: dict[str, subprocess.CompletedProcess[str]], seed: int) -> None:
    run = runs[f"monkey {seed}"]
    assert run.returncode == EXIT_OK, _explain(run)


def test_a_fault_in_an_override_costs_one_event_not_the_app(
        runs: dict[str, subprocess.CompletedProcess[str]]) -> None:
    run = runs["scenario fault-in-override"]
    # The app lived on (no signal), logged the fault with its traceback, and went on working.
    assert run.returncode == EXIT_ERRORS, _explain(run)
    assert "deliberate fault in an override" in run.stderr
    assert "ArticleBrowser.scrollContentsBy" in run.stderr
    assert "alive after the fault" in run.stdout
