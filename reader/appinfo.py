"""The application's identity, kept in one place.

The reverse-DNS id names the user's data folder, the QSettings scope and (later) the desktop
entry, the AppStream metainfo and the icon; changing it would orphan users' settings, so every
place that needs it imports it from here.
"""

APP_ID = "io.github.recapreader.RecapReader"
APP_NAME = "Recap Reader"
APP_COMMAND = "recap-reader"
ORGANIZATION_DOMAIN = "recapreader.github.io"
