"""Which files a drop, an Open dialog or a command line asks the window to open.

Plain Python (napari's pattern): every way in becomes a list of paths handed to one
``MainWindow.open_paths``, so the rules live here once: a folder opens its supported files in
name order, skipping the ``Name_files/`` resource folders that browsers save beside a page (and
hidden folders); anything whose extension is not supported is left out.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from reader.loaders.sniff import SUPPORTED_EXTENSIONS

__all__ = ["MANY_TABS", "expand_paths", "is_supported_file", "is_resource_folder", "dialog_filter"]

# Opening more tabs than this at once asks first: a dropped folder may hold hundreds of pages.
MANY_TABS = 20


def is_supported_file(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_EXTENSIONS


def is_resource_folder(path: Path) -> bool:
    """A browser's ``Name_files`` folder (or a hidden one): images and scripts, not articles."""
    return path.name.lower().endswith("_files") or path.name.startswith(".")


def acceptable(path: Path) -> bool:
    """Whether a dropped path is something the window can open (a supported file or a folder)."""
    return path.is_dir() or is_supported_file(path)


def expand_paths(paths: Iterable[Path], any_named_file: bool = False) -> list[Path]:
    """Files to open, in order, without duplicates: folders are walked for supported files.

    A file named explicitly (command line, Open dialog with "All files") is kept whatever its
    extension when ``any_named_file`` is set: the loader decides from the content and explains a
    refusal in one sentence. Drops pass False: an unsupported drop is refused up front.
    """
    seen: set[Path] = set()
    result: list[Path] = []
    for path in paths:
        folder = path.is_dir()
        for candidate in _folder_files(path) if folder else [path]:
            key = candidate.resolve()
            wanted = is_supported_file(candidate) or (any_named_file and not folder)
            if wanted and key not in seen:
                seen.add(key)
                result.append(candidate)
    return result


def _folder_files(folder: Path) -> list[Path]:
    files: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted((d for d in dirs if not is_resource_folder(Path(d))), key=_natural)
        files.extend(Path(root) / n for n in sorted(names, key=_natural) if not n.startswith("."))
    return files


def _natural(name: str) -> list[object]:
    """"episode-2" before "episode-10"."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", name)]


def dialog_filter() -> str:
    """The File > Open filter string, from the one list of supported extensions."""
    patterns = " ".join(f"*{ext}" for ext in SUPPORTED_EXTENSIONS)
    return f"Saved articles ({patterns});;All files (*)"
