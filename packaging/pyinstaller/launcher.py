"""Entry script of the PyInstaller bundle: the same ``reader.cli.main`` as ``recap-reader``.

A separate script rather than ``reader/__main__.py``: PyInstaller runs its entry script as
``__main__`` outside the package, and a file of our own keeps the bundle-only environment fix
below out of the app's code. (The spec leaves out PyInstaller's PySide6 run-time hook, so no
Qt plugin path is exported either; see recap-reader.spec.)
"""

import os
import sys


def _forget_bundle_paths() -> None:
    """Keep the bundle's library folder away from programs the reader starts.

    The bootloader points ``LD_LIBRARY_PATH`` at ``_internal`` (saving any earlier value as
    ``LD_LIBRARY_PATH_ORIG``) and restarts itself, so that the loader finds the bundle's
    libraries. Every child would inherit it: a link opened with ``xdg-open`` can start a Qt
    program of the system (kde-open, a Qt browser), which would then load our Qt libraries
    instead of its own and crash. The loader of this process read the variable at start-up
    already, so putting it back now only affects children. And a child that is itself a
    PyInstaller program starts afresh instead of taking our bootloader's ``_PYI_*`` variables
    for its own (PyInstaller's documented ``PYINSTALLER_RESET_ENVIRONMENT``).
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is None:
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        os.environ["LD_LIBRARY_PATH"] = original
    elif os.environ.get("LD_LIBRARY_PATH", "").startswith(bundle):
        del os.environ["LD_LIBRARY_PATH"]
    os.environ["PYINSTALLER_RESET_ENVIRONMENT"] = "1"

if __name__ == "__main__":
    import multiprocessing

    # A worker the app starts (the library's import, spawned) is this same executable: here it
    # runs its task and exits instead of starting the app (PyInstaller's multiprocessing hook).
    multiprocessing.freeze_support()
    _forget_bundle_paths()
    from reader.cli import main

    sys.exit(main())
