"""Shared test setup: headless Qt, the shared corpus and hypothesis without deadlines."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# CI has no display; Qt must render offscreen. Set before any test imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

try:
    from hypothesis import settings

    # No hidden timers in tests: a slow machine must not turn a correct run red.
    settings.register_profile("recap", deadline=None, max_examples=60)
    settings.load_profile("recap")
except ImportError:  # pragma: no cover - hypothesis is a test extra
    pass

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
DATA_DIR = Path(__file__).resolve().parent / "data"


def _require_shared() -> bool:
    return os.environ.get("RECAP_REQUIRE_SHARED", "") not in ("", "0")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ``../shared`` folder; skip (or fail under RECAP_REQUIRE_SHARED=1) without it."""
    if not SHARED_DIR.is_dir():
        if _require_shared():
            pytest.fail(f"RECAP_REQUIRE_SHARED is set but {SHARED_DIR} is missing")
        pytest.skip("../shared is not present")
    return SHARED_DIR


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The project's own fixtures in tests/data."""
    return DATA_DIR
