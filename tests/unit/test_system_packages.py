"""The Debian packages a newcomer installs are the ones CI installs, and they are enough for Qt.

``packaging/debian-packages.txt`` is the one list; ``packaging/debian-packages SECTION`` prints
a section, ``.ci/run`` installs what it prints, and the README shows it. A PySide6 release that
links one more system library shows up here as a missing library (CI sets
``RECAP_REQUIRE_SYSTEM_PACKAGES=1`` and installs only the list, so a gap fails there; a
developer machine without the packages skips and says what to install).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
CI_RUN = REPO / ".ci" / "run"
PRINT_SECTION = REPO / "packaging" / "debian-packages"
REQUIRE_ENV = "RECAP_REQUIRE_SYSTEM_PACKAGES"


def _listed(*sections: str) -> list[str]:
    result = subprocess.run(["sh", str(PRINT_SECTION), *sections], capture_output=True, text=True,
                            check=True, timeout=30)
    return result.stdout.split()


def _readme_commands() -> list[str]:
    """The README's indented command lines (its code blocks for the shell)."""
    return [line.strip() for line in README.read_text(encoding="utf-8").splitlines()
            if line.startswith("    ") and not line.startswith("     ")]


def test_the_readme_apt_lines_are_the_list() -> None:
    apt_lines = [command.split() for command in _readme_commands()
                 if command.startswith("sudo apt-get install ")]
    assert [words[3:] for words in apt_lines] == [_listed("app"), _listed("tests"), _listed("suggested")]


def test_the_list_names_each_package_once() -> None:
    every = _listed("app", "tests", "suggested")
    assert len(every) == len(set(every)) > 10


def test_an_unknown_section_is_an_error() -> None:
    result = subprocess.run(["sh", str(PRINT_SECTION), "nope"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "no section [nope]" in result.stderr and result.stdout == ""


def test_ci_installs_the_list_and_runs_the_readme_test_command() -> None:
    ci = CI_RUN.read_text(encoding="utf-8")
    assert "$(packaging/debian-packages app tests)" in ci
    test_commands = [command for command in _readme_commands() if "/pytest" in command]
    assert len(test_commands) == 1, test_commands
    assert test_commands[0] in [line.strip() for line in ci.splitlines()]
    assert "--run-slow" in test_commands[0], "the README's test command runs every test"


def _qt_objects() -> list[Path]:
    """The Qt modules the app imports and the plugins Qt may load for it: the X11 and Wayland
    platforms and their GL integrations, the offscreen platform, image formats and icons."""
    spec = importlib.util.find_spec("PySide6")  # finds the package without importing Qt
    assert spec is not None and spec.submodule_search_locations
    package = Path(next(iter(spec.submodule_search_locations)))
    plugins = package / "Qt" / "plugins"
    objects = [next(package.glob(f"{module}.*.so")) for module in ("QtCore", "QtGui", "QtWidgets", "QtNetwork")]
    objects += [plugins / "platforms" / f"libq{name}.so" for name in ("xcb", "wayland", "offscreen")]
    objects += sorted((plugins / "xcbglintegrations").glob("*.so"))
    objects += [plugins / "imageformats" / f"libq{name}.so" for name in ("gif", "jpeg", "svg", "webp", "ico")]
    objects += sorted((plugins / "iconengines").glob("*.so"))
    return objects


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd and Debian packages are Linux")
def test_qt_finds_every_system_library_it_links() -> None:
    ldd = shutil.which("ldd")
    if ldd is None:
        pytest.skip("ldd is not installed")
    missing: dict[str, set[str]] = {}
    for path in _qt_objects():
        assert path.is_file(), f"{path} is not in this PySide6"
        output = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=60).stdout
        for line in output.splitlines():
            if "=> not found" in line:
                missing.setdefault(line.split()[0], set()).add(path.name)
    if missing:
        found = "; ".join(f"{name} (needed by {', '.join(sorted(users))})" for name, users in sorted(missing.items()))
        message = (f"Qt cannot find {found}. Install: sudo apt-get install {' '.join(_listed('app'))}; "
                   "if that does not help, add the package to packaging/debian-packages.txt")
        if os.environ.get(REQUIRE_ENV, "") not in ("", "0"):
            pytest.fail(f"{REQUIRE_ENV} is set but {message}")
        pytest.skip(message)
