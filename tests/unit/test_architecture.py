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


def test_the_app_id_is_defined_once() -> None:
    from reader.appinfo import APP_ID

    assert APP_ID.count(".") >= 2 and " " not in APP_ID
    holders = [p for p in _modules(exclude_ui=False) if APP_ID in p.read_text(encoding="utf-8")]
    assert [p.name for p in holders] == ["appinfo.py"]


def test_extraction_never_imports_the_loaders() -> None:
    """The loaders call the extraction, never the reverse: shared pieces (the article model,
    inline formatting) live below both."""
    offenders = []
    for path in (PACKAGE / "extraction").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [module or ""]
            if any(n.startswith("reader.loaders") for n in names):
                offenders.append(path.name)
    assert offenders == []
