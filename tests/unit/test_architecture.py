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


def _module_graph() -> dict[str, set[str]]:
    """Every reader module and the reader modules it imports (anywhere in it, including
    ``if TYPE_CHECKING`` blocks and imports inside functions: a cycle there still ties the
    modules together)."""
    modules = {".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__"): p
               for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                candidates = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: "." is the package itself, each further dot one up
                    parts = package.split(".")
                    parts = parts[: len(parts) - node.level + 1] + ([base] if base else [])
                    base = ".".join(parts)
                candidates = [f"{base}.{alias.name}" for alias in node.names] + [base]
            else:
                continue
            for candidate in candidates:
                if candidate in modules and candidate != name:
                    targets.add(candidate)
                    break  # "from pkg import module" names the module, not the package too
        graph[name] = targets
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_graph_sees_imports_in_type_checking_blocks_and_functions() -> None:
    graph = _module_graph()
    assert "reader.ui.article_view" in graph["reader.ui.main_window"]  # imported inside a function
    assert "reader.ui.commands" in graph["reader.ui.menus"]


def test_no_module_imports_itself_through_others() -> None:
    """An import cycle (such as main_window ↔ menus once) makes import order matter and the
    modules impossible to use or test apart."""
    assert _cycles(_module_graph()) == []


def test_one_pipeline_loads_and_analyses() -> None:
    """load → extract → analyze is written once (reader/pipeline.py), with its caps and
    deadline; the command line and the window both call it instead of loading themselves."""
    callers = []
    for path in _modules(exclude_ui=False):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in ("loaders", "analysis", "extraction"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in ("reader.loaders", "reader.analysis"):
                if any(alias.name in ("load", "analyze") for alias in node.names):
                    callers.append(str(rel))
    assert sorted(set(callers)) == ["pipeline.py"]


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
