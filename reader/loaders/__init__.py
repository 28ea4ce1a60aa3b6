"""Turn a file on disk into an ``Article``.

``load(path)`` reads the file once, sniffs its format from the content (the extension only breaks
ties) and hands the bytes to the matching loader. Every failure a user can cause surfaces as a
``LoadError`` with one readable sentence; nothing here writes to the user's file.
"""

from __future__ import annotations

from pathlib import Path

from reader.article import Article
from reader.errors import LoadError
from reader.loaders.sniff import SUPPORTED_EXTENSIONS, sniff_format

__all__ = ["load", "load_bytes", "SUPPORTED_EXTENSIONS", "LoadError"]

# Larger files are refused rather than risking the machine's memory; a saved page is rarely
# more than a few megabytes, and the benchmark shows a 50 MB page loads comfortably.
MAX_FILE_BYTES = 200 * 1024 * 1024


def load(path: str | Path) -> Article:
    """Load the article saved at ``path``; raise ``LoadError`` when it cannot be read."""
    path = Path(path)
    try:
        if path.is_dir():
            raise LoadError(f"{path.name} is a folder, not a saved article.")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LoadError(
                f"{path.name} is {size // (1024 * 1024)} MB, too large to be a saved article."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{path} does not exist.") from None
    except PermissionError:
        raise LoadError(f"{path.name} cannot be read: permission denied.") from None
    except IsADirectoryError:
        raise LoadError(f"{path.name} is a folder, not a saved article.") from None
    except OSError as err:
        raise LoadError(f"{path.name} cannot be read: {err.strerror or err}.") from None
    return load_bytes(data, path)


def load_bytes(data: bytes, path: Path) -> Article:
    """Load an article from ``data``, read earlier from ``path`` (used for naming and images)."""
    fmt = sniff_format(data, path)
    try:
        if fmt == "html":
            from reader.loaders.html import load_html

            return load_html(data, path)
        if fmt == "mhtml":
            from reader.loaders.mhtml import load_mhtml

            return load_mhtml(data, path)
        if fmt == "email":
            from reader.loaders.message import load_message

            return load_message(data, path)
        if fmt == "markdown":
            from reader.loaders.markdown import load_markdown

            return load_markdown(data, path)
        from reader.loaders.text import load_text

        return load_text(data, path)
    except LoadError:
        raise
    except RecursionError:
        raise LoadError(f"{path.name} is nested too deeply to be read as an article.") from None
    except MemoryError:
        raise LoadError(f"{path.name} is too large to load.") from None
