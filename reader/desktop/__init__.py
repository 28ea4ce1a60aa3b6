"""Desktop integration on Linux, without Qt: install the app's desktop entry, icon and AppStream
metainfo for the current user, and remove them again.

One job per module: :mod:`~reader.desktop.launcher` works out the command that starts this
installation and how a desktop entry quotes it, :mod:`~reader.desktop.entry` rewrites the
shipped entry to run it, :mod:`~reader.desktop.install` puts the files in place.
"""

from reader.desktop.install import install_desktop, uninstall_desktop

__all__ = ["install_desktop", "uninstall_desktop"]
