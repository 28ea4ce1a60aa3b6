"""The command a desktop entry runs: which one, and how the Exec key quotes it.

The round-trip test reads our Exec value back with a small parser written from the Desktop
Entry Specification (string escapes, then quoting, then ``%%``), so it checks the rules, not our
own implementation of them; tests/e2e/test_desktop_install.py lets GLib itself read one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.desktop.launcher import exec_argument, exec_program, launch_command, string_value

_STRING_UNESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def _spec_parse_exec(value: str) -> list[str]:
    """Arguments of an Exec value as written in the file, undone in the spec's order."""
    text, i = "", 0
    while i < len(value):  # 1. the string type's escapes
        if value[i] == "\\" and i + 1 < len(value) and value[i + 1] in _STRING_UNESCAPES:
            text += _STRING_UNESCAPES[value[i + 1]]
            i += 2
        else:
            text += value[i]
            i += 1
    arguments: list[str] = []
    current: str | None = None
    i = 0
    while i < len(text):  # 2. quoting
        char = text[i]
        if char == " ":
            if current is not None:
                arguments.append(current)
            current = None
            i += 1
        elif char == '"':
            end = i + 1
            quoted = ""
            while text[end] != '"':
                if text[end] == "\\":
                    assert text[end + 1] in '"`$\\', "only these four may be escaped inside quotes"
                    end += 1
                else:
                    assert text[end] not in "`$", f"unescaped {text[end]!r} inside quotes"
                quoted += text[end]
                end += 1
            current = (current or "") + quoted
            i = end + 1
        else:
            assert char not in _RESERVED, f"reserved character {char!r} outside quotes"
            current = (current or "") + char
            i += 1
    if current is not None:
        arguments.append(current)
    for argument in arguments:  # 3. field codes: only the escaped percent sign is expected here
        assert "%" not in argument.replace("%%", ""), argument
    return [argument.replace("%%", "%") for argument in arguments]


_path_text = st.text(
    alphabet=st.one_of(st.characters(blacklist_categories=("Cs", "Cc")), st.sampled_from(" \t\n\"'\\$`%~#")),
    min_size=1,
)


@given(st.lists(_path_text, min_size=1, max_size=4))
def test_exec_program_reads_back_as_the_same_arguments(command: list[str]) -> None:
    assert _spec_parse_exec(exec_program(command)) == command


def test_plain_arguments_are_left_alone_and_reserved_ones_quoted() -> None:
    assert exec_argument("/usr/bin/recap-reader") == "/usr/bin/recap-reader"
    assert exec_argument("/opt/my apps/recap-reader") == '"/opt/my apps/recap-reader"'
    assert exec_argument('/a"b') == '"/a\\"b"'
    assert exec_argument("/a$b`c") == '"/a\\$b\\`c"'
    assert exec_argument("/50%/x") == "/50%%/x"
    # A backslash is escaped by the quoting and again by the string escape: four in the file.
    assert exec_program(["/a\\b"]) == '"/a\\\\\\\\b"'
    assert string_value("/a\\b\tc") == "/a\\\\b\\tc"


def test_frozen_runs_the_bundle_executable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "recap-reader" / "recap-reader"))
    assert launch_command() == [str(tmp_path / "recap-reader" / "recap-reader")]


def _executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n", "utf-8")
    path.chmod(0o755)
    return path


def test_the_script_we_were_started_as_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # pip install --user: the script is in ~/.local/bin, the interpreter in /usr/bin.
    script = _executable(tmp_path / "home" / ".local" / "bin" / "recap-reader")
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "usr" / "bin" / "python3"))
    monkeypatch.chdir(tmp_path / "home")
    monkeypatch.setattr(sys, "argv", [os.path.join(".local", "bin", "recap-reader"), "--install-desktop"])
    assert launch_command() == [str(script)]  # made absolute


def test_the_script_beside_the_interpreter_is_next(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    script = _executable(tmp_path / "venv" / "bin" / "recap-reader")
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "venv" / "bin" / "python"))
    monkeypatch.setattr(sys, "argv", ["/somewhere/reader/__main__.py"])
    assert launch_command() == [str(script)]


def test_without_a_script_the_interpreter_runs_the_module(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    venv_python = tmp_path / "venv" / "bin" / "python"
    venv_python.parent.mkdir(parents=True)
    venv_python.symlink_to(sys.executable)  # not resolved: that would leave the environment
    (tmp_path / "venv" / "bin" / "recap-reader").write_text("not executable\n", "utf-8")
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(venv_python))
    monkeypatch.setattr(sys, "argv", ["recap-reader"])  # a name, but no such file here
    monkeypatch.chdir(tmp_path)
    assert launch_command() == [str(venv_python), "-m", "reader"]

