"""Audit: which labelled sites back each hand-written rule (a regular expression or a word list).

Run on demand:  python tests/benchmarks/rule_sites.py [--shared ../shared] [--all]

Our rule: a rule must be justified by at least two different sites. For each audited rule this
prints the sites where it (or, for a pattern that grew, its new part) fires while the labelled
articles are loaded and analysed, and the sites whose label scores change when the rule is
switched off (+n: the site needs it, -n: the site is better without it). ``--all`` also lists
every module-level pattern of the analysis and the loaders' cues that fires on fewer than two
sites. The shield's features feed a fitted model: switching one off here uses the shipped
weights, so its column is an indication; ``shield_cv.py`` after a refit gives the cost.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "support"))

from rule_sites import ablate, discover, firing_sites, labelled_paths, outcomes  # noqa: E402


@dataclass
class Audited:
    """One rule: where it lives, and what stands in for it when it is switched off (None for a
    pattern that never matches, a narrower pattern for a rule that grew, a smaller word set)."""

    name: str
    does: str
    target: Callable[[], object]
    without: Callable[[], object | None] = lambda: None


def _attr(module: str, name: str) -> Callable[[], object]:
    def get() -> object:
        __import__(module)
        return getattr(sys.modules[module], name)
    return get


def _narrower(module: str, name: str, *cuts: tuple[str, str]) -> Callable[[], object]:
    """The pattern ``module.name`` with each (new part, old part) of its source put back."""
    def build() -> object:
        pattern = _attr(module, name)()
        source = pattern.pattern  # type: ignore[attr-defined]
        for new, old in cuts:
            if new not in source:
                raise ValueError(f"{name}: {new!r} not in its pattern")
            source = source.replace(new, old)
        return re.compile(source, pattern.flags)  # type: ignore[attr-defined]
    return build


def _without_words(module: str, name: str, words: str) -> Callable[[], object]:
    def build() -> object:
        return frozenset(_attr(module, name)()) - frozenset(words.split())  # type: ignore[arg-type]
    return build


class _Everything(frozenset):
    def __contains__(self, item: object) -> bool:
        return True


A, L, E, C, T, S, M = ("reader.analysis.episode_refs", "reader.analysis.names_links", "reader.analysis.episode",
                       "reader.loaders.cues", "reader.analysis.names_tables", "reader.analysis.shield_features",
                       "reader.analysis.moments_lists")
AUDITED = [
    Audited("episode._PUBLICATION_BEFORE", "'podcast/newsletter' right before an episode number: the publication's",
            _attr(E, "_PUBLICATION_BEFORE")),
    Audited("episode._PUBLICATION_NAME", "a site named like a podcast or newsletter numbers its own issues",
            _attr(E, "_PUBLICATION_NAME")),
    Audited("episode_refs._NUMBER_FIRST", "number-first episode words (27. Bölüm, 第6話, 12화)",
            _attr(A, "_NUMBER_FIRST")),
    Audited("episode_refs._ANCHOR (Ep06)", "'Ep' glued to its number", _attr(A, "_ANCHOR"),
            _narrower(A, "_ANCHOR", (r"eps?(?:\b|(?=\d))", r"eps?\b"))),
    Audited("episode_refs._AT (ranges)", "'Ep. 5 & 6', 'eps 5-6': a range counts as its last episode",
            _attr(A, "_AT"), _narrower(A, "_AT", (r"(?:episodes|eps\.?)\s*(?P<eps_a>", r"episodes\s+(?P<eps_a>"),
                                          (r"(?:e(?:p\.?\s*)?)?(?P<eps_b>", r"(?P<eps_b>"),
                                          (r"(?:episode|ep\.?)\s*(?P<ep_a>", r"(?!)(?P<ep_a>"))),
    Audited("episode_refs._AT (infobox)", "'Episode: 6', 'Season: 2' infobox rows", _attr(A, "_AT"),
            _narrower(A, "_AT", (r"\s*(?:[:：]\s*)?(?:no\.?:?\s*", r"\s*(?:no\.?\s*"),
                      (r"(?:\s*[:：])?\s+(?P<s>", r"\s+(?P<s>"))),
    Audited("episode_show._LEADERS (+podcast pod newsletter issue)", "headline words that open no show name",
            _attr("reader.analysis.episode_show", "_LEADERS"),
            _without_words("reader.analysis.episode_show", "_LEADERS", "podcast pod newsletter issue")),
    Audited("names_lexicon.ORG_NOUNS (+Development Keep Castle Citadel Fortress Abbey Priory)",
            "last words that make a name a place or organisation", _attr("reader.analysis.names_lexicon", "ORG_NOUNS"),
            _without_words("reader.analysis.names_lexicon", "ORG_NOUNS",
                           "Development Keep Castle Citadel Fortress Abbey Priory")),
    Audited("names_links._AS_ROLE_GAP", "'Actor plays/returns as her estranged son, Name'", _attr(L, "_AS_ROLE_GAP"),
            _narrower(L, "_AS_ROLE_GAP",
                      (r"(?:(?:is|was|returns|joins|rejoins|stars|appears|comes)(?:[ \u00a0]+(?:back|also|again))?"
                       r"[ \u00a0]+)?(?:as|plays|played|portrays|portrayed)", "as"),
                      (r"(?:[a-z-]+['’]s[ \u00a0]+)?(?:[a-z-]+[ \u00a0]+){0,4}[a-z-]+),?",
                       r"(?:[a-z-]+[ \u00a0]+){0,2}[a-z-]+),"))),
    Audited("names_links._ACTIVE_ACTING_GAP", "acting verbs in any tense: 'has been cast as', 'will play'",
            _attr(L, "_ACTIVE_ACTING_GAP")),
    Audited("names_links._CAST_LINE_GAP", "a whole cast-list line 'Name – Actor'", _attr(L, "_CAST_LINE_GAP")),
    Audited("names_links._KIN_TITLES", "'Ana Ruiz’s Aunt Rosa': a kin title is family, other titles a role",
            _attr(L, "_KIN_TITLES"), lambda: _Everything()),
    Audited("names_tables headers (_ROLE_HEADERS, _ACTOR_HEADERS)", "cast tables with a header row",
            _attr(T, "_ACTOR_HEADERS"), lambda: frozenset()),
    Audited("names_tables._CAST_HEADING", "a table under a 'Cast'/'Who’s who' heading", _attr(T, "_CAST_HEADING")),
    Audited("names_model._CAMEL", "'BrightNest': a capital inside a word is a brand",
            _attr("reader.analysis.names_model", "_CAMEL")),
    Audited("moments_lists._TIMESTAMP", "a list of timestamps is chapters, not moments", _attr(M, "_TIMESTAMP")),
    Audited("moments_lists._ELSEWHERE", "headings of lists that are not about the story", _attr(M, "_ELSEWHERE")),
    Audited("shield_features._SAFE_HEADING", "headings of plot-free sections (where to watch, cast, verdict)",
            _attr(S, "_SAFE_HEADING")),
    Audited("shield_features._RATING", "a rating box ('4/5', '★★★', 'Grade: B+')", _attr(S, "_RATING")),
    Audited("shield_features._FIRST_PERSON", "I/we words: opinion", _attr(S, "_FIRST_PERSON"), lambda: frozenset()),
    Audited("shield_features._SECOND_PERSON", "you words: advice", _attr(S, "_SECOND_PERSON"), lambda: frozenset()),
    Audited("cues._TRAILER (+past issues, partner content, read more from)", "headings of trailing link lists",
            _attr(C, "_TRAILER"),
            _narrower(C, "_TRAILER", (r"|(?:read\s+)?more\s+from\s+.{1,40}|(?:past|previous|recent|earlier|back)"
                                      r"\s+(?:issues|editions|letters)|from\s+the\s+archives?|partner\s+(?:content|"
                                      r"offers?|picks|stories))", r"|more\s+from\s+.{1,40})"))),
    Audited("cues._SUPPORT_ASK", "'buy me a coffee', 'Comments are moderated'", _attr(C, "_SUPPORT_ASK")),
    Audited("cues._FOOTER (+you're getting this, you signed up)", "a newsletter's footer", _attr(C, "_FOOTER"),
            _narrower(C, "_FOOTER", (r"|\byou(?:['’]re|\s+are)\s+getting\s+this\b|\byou\s+(?:signed|subscribed)"
                                     r"\s+up\s+(?:for|to)\b", ""))),
    Audited("cues._ISSUE_PART", "masthead line 'Issue 112 · 4 November'", _attr(C, "_ISSUE_PART")),
    Audited("cues._VIEW_IN_BROWSER", "masthead line 'View this email in your browser'", _attr(C, "_VIEW_IN_BROWSER")),
]


def _names(sites: set[str] | dict[str, int]) -> str:
    if isinstance(sites, dict):
        return ", ".join(f"{s} {n:+d}" for s, n in sorted(sites.items())) or "–"
    return ", ".join(sorted(sites)) or "–"


def _differs(paths: list[Path], original: object, narrower: object) -> set[str]:
    """The sites where ``original`` answers otherwise than ``narrower``: where its new part fires."""
    from rule_sites import _swapped
    from reader.analysis import analyze
    from reader.analysis.labelled_corpus import site_of
    from reader.loaders import load

    seen: set[str] = set()
    current: list[str] = [""]

    class Both:
        def __getattr__(self, name: str) -> object:
            new, old = getattr(original, name), getattr(narrower, name)
            if not callable(new):
                return new

            def call(*args: object, **kwargs: object) -> object:
                a, b = new(*args, **kwargs), old(*args, **kwargs)
                if name == "finditer":
                    a, b = list(a), list(b)
                    if [m.span() for m in a] != [m.span() for m in b]:
                        seen.add(current[0])
                    return iter(a)
                spans = (a.span() if a is not None else None, b.span() if b is not None else None) \
                    if name in ("search", "match", "fullmatch") else (a, b)
                if spans[0] != spans[1]:
                    seen.add(current[0])
                return a
            return call

    with _swapped({id(original): Both()}):
        for path in paths:
            current[0] = site_of(path)
            analyze(load(path))
    return seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--all", action="store_true", help="also list every pattern firing on fewer than two sites")
    args = parser.parse_args()
    paths = labelled_paths(args.shared)
    fired = firing_sites(paths)
    baseline = outcomes(paths)
    print("| rule | what it does | fires on (its new part) | label effect when off |")
    print("|---|---|---|---|")
    for rule in AUDITED:
        original, without = rule.target(), rule.without()
        if hasattr(original, "search") and without is not None:
            sites = _differs(paths, original, without)
        elif hasattr(original, "search"):
            key = rule.name.split(" ", 1)[0]
            sites = fired.get(f"analysis.{key}", fired.get(f"loaders.{key}", set()))
        else:
            sites = set()  # word lists: the label effect says where they matter
        effect = ablate(paths, {original: without}, baseline)
        print(f"| `{rule.name}` | {rule.does} | {len(sites)}: {_names(sites)} | {_names(effect)} |")
    if args.all:
        print("\nEvery module-level pattern that fires on fewer than two labelled sites:")
        for rule in discover():
            if len(fired[rule.name]) < 2:
                print(f"  {rule.name:45s} {_names(fired[rule.name])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
