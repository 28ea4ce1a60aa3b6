"""Find the files that ship with the app: the sample article, icons, style sheets, and the
desktop entry and AppStream metainfo that ``--install-desktop`` copies.

The top-level ``resources/`` folder is force-included into the wheel as ``reader/_resources``
(and ``packaging/linux`` as ``reader/_packaging/linux``), so an installed app (pip, PyInstaller,
.deb) reaches them through ``importlib.resources``. A source checkout or an editable install has
no such copies inside the package; there the repository's own folders are the same content.
Looking in both places, in that order, lets every way of running the app find the same files
without knowing how it was installed.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["SAMPLE_NAME", "packaging_path", "resource_path", "sample_article_path"]

SAMPLE_NAME = "orchard-street-exchange-episode-1.txt"

_PACKAGED = "_resources"
_SOURCE_ROOT = Path(__file__).resolve().parent.parent / "resources"
_PACKAGED_PACKAGING = "_packaging"
_SOURCE_PACKAGING = Path(__file__).resolve().parent.parent / "packaging"


def resource_path(*parts: str) -> Path:
    """Path of ``resources/<parts…>``: the packaged copy if installed, else the checkout's.

    The path is returned even when neither exists (callers decide whether a missing icon is an
    error), but an existing file always wins over a missing one.
    """
    return _first_existing(_packaged_path(*parts), _SOURCE_ROOT.joinpath(*parts))


def packaging_path(*parts: str) -> Path:
    """Path of ``packaging/<parts…>`` (e.g. ``"linux", "<id>.desktop"``), found like
    :func:`resource_path`: the copy inside the installed package first, else the checkout's."""
    return _first_existing(_packaged_path(*parts, folder=_PACKAGED_PACKAGING),
                           _SOURCE_PACKAGING.joinpath(*parts))


def _first_existing(packaged: Path | None, source: Path) -> Path:
    if packaged is not None and packaged.exists():
        return packaged
    if source.exists() or packaged is None:
        return source
    return packaged


def sample_article_path() -> Path:
    """The original recap the app opens when it is started without a file."""
    return resource_path("sample", SAMPLE_NAME)


def _packaged_path(*parts: str, folder: str = _PACKAGED) -> Path | None:
    try:
        traversable = files("reader").joinpath(folder, *parts)
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - reader is always importable
        return None
    # Installed packages live on disk (wheels, PyInstaller's onedir/onefile extraction); a
    # zipped import would need as_file(), which the app does not use.
    return traversable if isinstance(traversable, Path) else None
