"""Command line: ``recap-reader [FILE...]`` and ``recap-reader analyze --json FILE...``.

Every failure a user can cause ends as one line on stderr and a non-zero exit, never a traceback:
scripts and benchmarks depend on the output staying parseable.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from reader import __version__
from reader.appinfo import APP_COMMAND, APP_NAME
from reader.errors import LoadError

EXIT_OK = 0
EXIT_FILE_ERROR = 1
EXIT_USAGE = 2


class _OneLineParser(argparse.ArgumentParser):
    """argparse that reports usage errors on a single stderr line."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see --help)\n")


def _analyze_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog=f"{APP_COMMAND} analyze",
        description="Print what Recap Reader finds in saved articles.",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per file (JSON Lines)")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    return parser


def _main_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog=APP_COMMAND,
        description=f"{APP_NAME}: read saved TV recaps with the spoilers shielded.",
        epilog=f"Subcommand: '{APP_COMMAND} analyze --json FILE...' prints the analysis as JSON Lines.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE",
                        help="saved articles to open (the bundled sample when none is given)")
    return parser


def _load(path: Path):  # noqa: ANN202 - Article
    """Load one file; unexpected failures become a LoadError, so no traceback reaches the user."""
    from reader.loaders import load

    try:
        return load(path)
    except LoadError:
        raise
    except Exception as err:  # noqa: BLE001 - the user gets a sentence, not a traceback
        raise LoadError(f"{path.name} could not be read ({type(err).__name__}).") from err


def run_analyze(files: Sequence[Path], as_json: bool, out: TextIO, err: TextIO) -> int:
    """Analyse each file in order; keep going after a bad one and report failure at the end."""
    from reader.report import article_json, article_text, error_json

    status = EXIT_OK
    for path in files:
        try:
            article = _load(path)
        except LoadError as exc:
            status = EXIT_FILE_ERROR
            print(f"{APP_COMMAND}: {exc}", file=err)
            if as_json:
                print(json.dumps(error_json(path, str(exc)), ensure_ascii=False), file=out)
            continue
        if as_json:
            print(json.dumps(article_json(article, path), ensure_ascii=False), file=out)
        else:
            print(article_text(article), file=out)
    out.flush()
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``recap-reader`` and ``python -m reader``."""
    args = list(sys.argv[1:] if argv is None else argv)
    out, err = sys.stdout, sys.stderr
    try:
        if args and args[0] == "analyze":
            ns = _analyze_parser().parse_args(args[1:])
            return run_analyze(ns.files, ns.json, out, err)
        ns = _main_parser().parse_args(args)
        files = ns.files
        if not files:
            from reader.bundled import sample_article_path

            files = [sample_article_path()]
        # The reader window arrives with the UI issue; until then show the articles as text.
        return run_analyze(files, False, out, err)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
