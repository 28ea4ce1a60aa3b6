"""Turn a file on disk into an ``Article``.

``load(path)`` reads the file once, sniffs its format from the content (the extension only breaks
ties) and hands the bytes to the matching loader. Every failure a user can cause surfaces as a
``LoadError`` with one readable sentence; nothing here writes to the user's file.
"""

from __future__ import annotations

from pathlib import Path

from reader.article import Article
from reader.bounded_read import NotARegularFile, TooLarge, read_bounded
from reader.errors import LoadError
from reader.loaders.sniff import SUPPORTED_EXTENSIONS, sniff_format

__all__ = ["load", "load_bytes", "read_article_bytes", "MAX_FILE_BYTES", "SUPPORTED_EXTENSIONS", "LoadError"]

# Larger files are refused in one sentence rather than opened cut short. A saved recap is rarely
# more than a few megabytes (an MHTML file with its pictures inside, a few tens); past this the
# read, parse and analysis could not finish within seconds and a gigabyte (issue 14). Refusing
# beats a truncated article: a page cut at a byte count can lose the article itself (it often
# comes after megabytes of scripts) while looking complete, and the reader would not know.
MAX_FILE_BYTES = 32 * 1024 * 1024


def _megabytes(count: int) -> str:
    return f"{count // (1024 * 1024)} MB"


def read_article_bytes(path: Path) -> bytes:
    """The bytes of the saved article at ``path``: a regular file of at most ``MAX_FILE_BYTES``,
    read through ``reader.bounded_read`` (a FIFO, a device or a socket is refused before any
    read, and the size ``stat`` reports is never trusted). Raises ``LoadError``."""
    try:
        return read_bounded(path, MAX_FILE_BYTES)
    except NotARegularFile as err:
        if err.kind == "a folder":
            raise LoadError(f"{path.name} is a folder, not a saved article.") from None
        raise LoadError(f"{path.name} is {err.kind}, not a saved article.") from None
    except TooLarge:
        raise LoadError(f"{path.name} is larger than {_megabytes(MAX_FILE_BYTES)}, "
                        "too large to be a saved article.") from None
    except FileNotFoundError:
        raise LoadError(f"{path} does not exist.") from None
    except PermissionError:
        raise LoadError(f"{path.name} cannot be read: permission denied.") from None
    except IsADirectoryError:
        raise LoadError(f"{path.name} is a folder, not a saved article.") from None
    except OSError as err:
        raise LoadError(f"{path.name} cannot be read: {err.strerror or err}.") from None


def load(path: str | Path) -> Article:
    """Load the article saved at ``path``; raise ``LoadError`` when it cannot be read."""
    path = Path(path)
    return load_bytes(read_article_bytes(path), path)


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
