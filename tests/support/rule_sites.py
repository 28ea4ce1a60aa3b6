"""Which labelled sites each hand-written rule of the analysis fires on, and which sites need it.

Our rule: a rule must be justified by at least two different sites. This module makes that
checkable. It finds every regular expression the analysis (and the loaders' clutter cues)
compiles at module level, wraps each in a probe that notes the site of the article being read
whenever the pattern matches, and reads every labelled article through the loader and the
analysis. ``firing_sites`` gives, per rule, the sites it fired on.

Firing is necessary, not sufficient: a pattern can fire where it changes nothing. ``ablate``
answers the stronger question for one rule: run the analysis with the rule switched off (or
with an older, narrower pattern in its place) and list the sites whose label scores change.

Used by ``tests/unit/analysis/test_rule_sites.py`` (every pattern fires on two sites or is
exempt, with a reason) and ``tests/benchmarks/rule_sites.py`` (the audit table).
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from recap_labels import LabelScore, labelled_articles, load_labels, score

from reader.analysis import analyze
from reader.analysis.labelled_corpus import labelled_folders, site_of
from reader.loaders import load

REPO = Path(__file__).resolve().parents[2]
#: The packages whose module-level patterns are audited.
AUDITED_PACKAGES = ("reader.analysis", "reader.loaders.cues")
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")
_COMPILERS = ("compile", "lazy_compile")


@dataclass(frozen=True)
class Rule:
    """A module-level pattern: ``module.attr`` (``index`` when it sits in a list of patterns)."""

    module: str
    attr: str
    index: int | None = None

    @property
    def name(self) -> str:
        short = self.module.removeprefix("reader.")
        return f"{short}.{self.attr}" + (f"[{self.index}]" if self.index is not None else "")

    def target(self) -> object:
        value = getattr(importlib.import_module(self.module), self.attr)
        return value if self.index is None else value[self.index]


def _is_compile_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name in _COMPILERS


def audited_modules() -> list[str]:
    """Every module of the audited packages, by dotted name."""
    names = []
    for package in AUDITED_PACKAGES:
        module = importlib.import_module(package)
        path = getattr(module, "__path__", None)
        if path is None:
            names.append(package)
            continue
        for file in sorted(Path(path[0]).glob("*.py")):
            names.append(package if file.stem == "__init__" else f"{package}.{file.stem}")
    return names


def discover(modules: Iterable[str] | None = None) -> list[Rule]:
    """The module-level compiled patterns of ``modules`` (default: every audited module), read
    from their source: ``X = re.compile(...)``, ``X = lazy_compile(...)``, and lists or tuples
    of such calls."""
    rules = []
    for name in modules or audited_modules():
        module = importlib.import_module(name)
        tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            else:
                continue
            if not isinstance(target, ast.Name):
                continue
            if _is_compile_call(value):
                rules.append(Rule(name, target.id))
            elif isinstance(value, (ast.List, ast.Tuple)):
                rules.extend(Rule(name, target.id, k) for k, item in enumerate(value.elts) if _is_compile_call(item))
    return rules


class _Recorder:
    """The site being read, and the sites each rule fired on."""

    def __init__(self) -> None:
        self.site: str | None = None
        self.hits: dict[str, set[str]] = {}

    def fired(self, rules: str) -> None:
        if self.site is not None:
            for rule in rules.split("|"):
                self.hits.setdefault(rule, set()).add(self.site)


class _Probe:
    """Stands in for a compiled pattern: answers like ``pattern`` (or like ``replacement``, for
    an ablation) and tells the recorder when it matched."""

    def __init__(self, rule: str, pattern: object, recorder: _Recorder | None,
                 replacement: object | None = None, off: bool = False) -> None:
        self._rule, self._pattern, self._recorder = rule, pattern, recorder
        self._use = replacement if replacement is not None else pattern
        self._off = off

    def __getattr__(self, name: str) -> object:
        return getattr(self._pattern, name)

    def _note(self, found: bool) -> None:
        if found and self._recorder is not None:
            self._recorder.fired(self._rule)

    def search(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201 - re.Pattern's signature
        return self._one("search", args, kwargs)

    def match(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        return self._one("match", args, kwargs)

    def fullmatch(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        return self._one("fullmatch", args, kwargs)

    def _one(self, method: str, args: tuple, kwargs: dict):  # noqa: ANN202
        if self._off:
            return None
        found = getattr(self._use, method)(*args, **kwargs)
        self._note(found is not None)
        return found

    def finditer(self, *args, **kwargs) -> Iterator[re.Match[str]]:  # noqa: ANN002, ANN003
        if self._off:
            return iter(())
        found = list(self._use.finditer(*args, **kwargs))
        self._note(bool(found))
        return iter(found)

    def findall(self, *args, **kwargs) -> list:  # noqa: ANN002, ANN003
        if self._off:
            return []
        found = self._use.findall(*args, **kwargs)
        self._note(bool(found))
        return found

    def subn(self, repl, string, count=0):  # noqa: ANN001, ANN201
        if self._off:
            return string, 0
        result = self._use.subn(repl, string, count)
        self._note(result[1] > 0)
        return result

    def sub(self, repl, string, count=0):  # noqa: ANN001, ANN201
        return self.subn(repl, string, count)[0]

    def split(self, string, maxsplit=0):  # noqa: ANN001, ANN201
        if self._off:
            return [string]
        parts = self._use.split(string, maxsplit)
        self._note(len(parts) > 1)
        return parts


def _reader_modules() -> list[ModuleType]:
    return [m for n, m in list(sys.modules.items()) if n.startswith("reader") and m is not None]


def clear_caches() -> None:
    """Empty every memo of the reader's modules (``functools`` caches at module level): a cached
    answer would hide that a pattern fires, or that switching it off changes anything."""
    for module in _reader_modules():
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and callable(value):
                clear()


@contextmanager
def _swapped(swaps: dict[int, object]) -> Iterator[None]:
    """Replace every module-level reference to an object whose id is a key of ``swaps`` (also
    inside module-level lists and tuples), and put the originals back afterwards."""
    undo: list[Callable[[], None]] = []
    originals: dict[int, object] = {}
    try:
        for module in _reader_modules():
            space = vars(module)
            for attr, value in list(space.items()):
                if id(value) in swaps:
                    originals[id(value)] = value
                    space[attr] = swaps[id(value)]
                    undo.append(lambda s=space, a=attr, v=value: s.__setitem__(a, v))
                elif isinstance(value, list) and any(id(v) in swaps for v in value):
                    old = list(value)
                    value[:] = [swaps.get(id(v), v) for v in value]
                    undo.append(lambda lst=value, o=old: lst.__setitem__(slice(None), o))
                elif isinstance(value, tuple) and any(id(v) in swaps for v in value):
                    space[attr] = tuple(swaps.get(id(v), v) for v in value)
                    undo.append(lambda s=space, a=attr, v=value: s.__setitem__(a, v))
        clear_caches()
        yield
    finally:
        for step in reversed(undo):
            step()
        clear_caches()


def labelled_paths(shared: Path, own: Path = REPO / "tests" / "data") -> list[Path]:
    """Every labelled article of the corpus, in a stable order."""
    return [article for folder in labelled_folders(shared, own) if folder.is_dir()
            for article, _labels in labelled_articles(folder)]


def firing_sites(paths: list[Path], rules: list[Rule] | None = None) -> dict[str, set[str]]:
    """For each rule (default: every discovered one), the sites of ``paths`` it fired on while
    the article was loaded and analysed. A rule that never fired maps to an empty set."""
    rules = discover() if rules is None else rules
    recorder = _Recorder()
    # re.compile caches: two modules that compile the same source share one pattern object.
    shared: dict[int, tuple[object, list[str]]] = {}
    for rule in rules:
        pattern = rule.target()
        shared.setdefault(id(pattern), (pattern, []))[1].append(rule.name)
    swaps: dict[int, object] = {key: _Probe("|".join(names), pattern, recorder)
                                for key, (pattern, names) in shared.items()}
    with _swapped(swaps):
        for path in paths:
            recorder.site = site_of(path)
            clear_caches()  # the same sentence on two sites must fire on both
            analyze(load(path))
    return {rule.name: recorder.hits.get(rule.name, set()) for rule in rules}


@dataclass
class Outcome:
    """One article's label score, reduced to the counts a rule can move."""

    site: str
    counts: dict[str, int] = field(default_factory=dict)


_GOOD = ("hide_hit", "show_hit", "span_hit", "char_correct", "char_found", "actor_right", "km_found",
         "show_right", "season_right", "episode_right")
_BAD = ("wrong_characters", "boilerplate_leaks")


def _counts(s: LabelScore) -> dict[str, int]:
    counts = {k: getattr(s, k) for k in _GOOD}
    counts["wrong_characters"] = s.char_predicted - s.char_correct
    counts["boilerplate_leaks"] = s.boilerplate_leaks
    return counts


def outcomes(paths: list[Path]) -> list[Outcome]:
    """Every article's label score under the analysis as it stands (probes included)."""
    result = []
    for path in paths:
        labels = load_labels(path.parent / (path.name.split(".", 1)[0] + ".labels.json"))
        article = load(path)
        result.append(Outcome(site_of(path), _counts(score(path.name, labels, article, analyze(article)))))
    return result


def ablate(paths: list[Path], swaps: dict[object, object | None], baseline: list[Outcome]) -> dict[str, int]:
    """Per site, how many label counts got better (+) or worse (-) for the rule's presence:
    each original pattern in ``swaps`` is switched off (value None) or replaced by the given
    narrower pattern or word set. A positive number means the site needs the rule."""
    by_id: dict[int, object] = {}
    for original, replacement in swaps.items():
        if hasattr(original, "search"):
            by_id[id(original)] = _Probe("", original, None, replacement, off=replacement is None)
        else:
            by_id[id(original)] = replacement
    with _swapped(by_id):
        after = outcomes(paths)
    effect: dict[str, int] = {}
    for before, now in zip(baseline, after):
        delta = sum(before.counts[k] - now.counts[k] for k in _GOOD)
        delta -= sum(before.counts[k] - now.counts[k] for k in _BAD)
        if delta:
            effect[before.site] = effect.get(before.site, 0) + delta
    return effect
