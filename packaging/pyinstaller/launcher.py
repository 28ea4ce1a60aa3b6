"""Entry script of the PyInstaller bundle: the same ``reader.cli.main`` as ``recap-reader``.

A separate script rather than ``reader/__main__.py``: PyInstaller runs its entry script as
``__main__`` outside the package, and a file of our own keeps the bundle-only environment fix
below out of the app's code.
"""

import os
import sys


def _forget_bundle_paths() -> None:
    """Keep the bundle's library and Qt plugin folders away from programs the reader starts.

    PyInstaller's Qt runtime hook points ``QT_PLUGIN_PATH`` and ``QML2_IMPORT_PATH`` into the
    bundle. This process does not need them (PySide6 registers an embedded ``qt.conf`` that
    finds the same plugins), but every child inherits them: a link opened with ``xdg-open``
    can start a Qt program of the system (kde-open, a Qt browser), which would then load our
    Qt 6 plugins, linked to our Qt libraries, into a different Qt and crash. The bootloader's
    ``LD_LIBRARY_PATH`` (if it sets one) is put back the same way; the loader of this process
    read it at start-up already, so changing it now only affects children. And a child that is
    itself a PyInstaller program starts afresh instead of taking our bootloader's variables
    (``_PYI_*``) for its own (PyInstaller's documented ``PYINSTALLER_RESET_ENVIRONMENT``).
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is None:
        return
    for name in ("QT_PLUGIN_PATH", "QML2_IMPORT_PATH"):
        if os.environ.get(name, "").startswith(bundle):
            del os.environ[name]
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        os.environ["LD_LIBRARY_PATH"] = original
    elif os.environ.get("LD_LIBRARY_PATH", "").startswith(bundle):
        del os.environ["LD_LIBRARY_PATH"]
    os.environ["PYINSTALLER_RESET_ENVIRONMENT"] = "1"


if __name__ == "__main__":
    _forget_bundle_paths()
    from reader.cli import main

    sys.exit(main())
