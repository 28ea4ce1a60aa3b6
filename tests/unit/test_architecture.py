"""Architecture rules from DESIGN.md that a reviewer should not have to check by eye."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "reader"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules(exclude_ui: bool) -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if not (exclude_ui and "ui" in p.relative_to(PACKAGE).parts)]


def test_only_the_ui_package_imports_qt() -> None:
    offenders = [str(p.relative_to(PACKAGE)) for p in _modules(exclude_ui=True)
                 if _imports(p) & {"PySide6", "shiboken6", "PyQt5", "PyQt6"}]
    assert offenders == []


def test_benchmark_peers_are_never_imported_by_the_app() -> None:
    offenders = [str(p.relative_to(PACKAGE)) for p in _modules(exclude_ui=False)
                 if _imports(p) & {"trafilatura", "readability"}]
    assert offenders == []


def test_only_the_training_command_imports_the_train_extra() -> None:
    """The app applies the shield's shipped weights with plain Python; scikit-learn, SciPy and
    NumPy (the ``train`` extra) are for ``python -m reader.analysis.train`` alone."""
    offenders = [str(p.relative_to(PACKAGE)) for p in _modules(exclude_ui=False)
                 if _imports(p) & {"sklearn", "scipy", "numpy"} and p.name != "train.py"]
    assert offenders == []


def test_analysing_an_article_loads_no_training_library() -> None:
    import subprocess
    import sys

    code = ("import sys; from reader.analysis import analyze; from reader.article import Article, Block; "
            "a = analyze(Article('t', [Block(0, 'paragraph', 'Spoilers below. Ines finds the letter.')], None, 'text')); "
            "print(sorted({'sklearn', 'scipy', 'numpy'} & set(sys.modules)), len(a.verdicts))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["[]", "1"]


def test_the_app_id_is_defined_once() -> None:
    from reader.appinfo import APP_ID

    assert APP_ID.count(".") >= 2 and " " not in APP_ID
    holders = [p for p in _modules(exclude_ui=False) if APP_ID in p.read_text(encoding="utf-8")]
    assert [p.name for p in holders] == ["appinfo.py"]
