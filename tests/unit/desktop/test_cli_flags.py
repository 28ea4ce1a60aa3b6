"""The desktop install flags and the argument echo on the command line: what they print, their
usage errors, and that neither needs Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.appinfo import APP_ID
from reader.cli import ECHO_ARGS_ENV, main

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.delenv(ECHO_ARGS_ENV, raising=False)
    return tmp_path / "share"


def test_install_then_uninstall(data_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    assert main(["--install-desktop"]) == 0
    installed = capsys.readouterr()
    assert installed.err == "" and f"Installed the desktop entry in {entry.parent}\n" in installed.out
    assert entry.is_file()
    assert main(["--uninstall-desktop"]) == 0
    removed = capsys.readouterr()
    assert removed.err == "" and f"Removed the desktop entry from {entry.parent}\n" in removed.out
    assert not entry.exists()


@pytest.mark.parametrize("extra", [["notes.html"], ["--screenshot", "out.png"], ["--theme", "dark"],
                                   ["--reveal-all"]])
@pytest.mark.parametrize("flag", ["--install-desktop", "--uninstall-desktop"])
def test_the_flags_take_no_file_and_no_window_option(
    flag: str, extra: list[str], data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([flag, *extra]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"recap-reader: {flag} takes no FILE and no other option\n"
    assert not data_home.exists()


def test_install_and_uninstall_together_is_a_usage_error(data_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--install-desktop", "--uninstall-desktop"])
    assert exit_info.value.code == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_echo_args_prints_the_arguments_and_does_nothing_else(
    data_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(ECHO_ARGS_ENV, "1")
    arguments = ["/tmp/a file.mhtml", "--install-desktop", "ünïcode.md"]
    assert main(arguments) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {"argv": arguments} and captured.out.count("\n") == 1
    assert captured.err == "" and not data_home.exists()
    monkeypatch.setenv(ECHO_ARGS_ENV, "0")  # only "1" turns it on
    assert main(["--install-desktop", "x.html"]) == 2


def test_the_desktop_flags_and_the_echo_never_import_qt(tmp_path: Path) -> None:
    script = ("import os, sys\n"
              "from reader.cli import main\n"
              "assert main(['--install-desktop']) == 0 and main(['--uninstall-desktop']) == 0\n"
              "os.environ['RECAP_READER_ECHO_ARGS'] = '1'\n"
              "assert main(['x.html']) == 0\n"
              "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share"),
           "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop(ECHO_ARGS_ENV, None)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
