#!/usr/bin/env bash
# Build the standalone Recap Reader (PyInstaller, one folder) and a .deb that installs it.
#
#     packaging/build-deb.sh [--out DIR] [--work DIR] [--bundle-only] [--compression xz|gzip|zstd|none]
#
#   --out DIR        where dist/recap-reader/ (the bundle) and the .deb go (default: dist/)
#   --work DIR       PyInstaller's work folder, the log and the .deb staging tree
#                    (default: build/pyinstaller/)
#   --bundle-only    stop after the bundle
#   --compression    dpkg-deb's compressor (default xz, what every dpkg reads; the tests use none)
#
# PYTHON names the interpreter that has the app's dependencies and PyInstaller (default python3;
# `pip install '.[bundle]'`). PyInstaller needs binutils (objdump, strip); the .deb needs
# dpkg-deb. DEBFULLNAME and DEBEMAIL set the package's Maintainer.
#
# The .deb:
#   /opt/recap-reader/                                      the bundle
#   /usr/bin/recap-reader -> /opt/recap-reader/recap-reader   so the desktop entry's Exec works
#   /usr/share/applications/<id>.desktop, /usr/share/metainfo/<id>.metainfo.xml,
#   /usr/share/icons/hicolor/scalable/apps/<id>.svg, /usr/share/doc/recap-reader/copyright
# It has no maintainer scripts: desktop-file-utils and hicolor-icon-theme declare dpkg file
# triggers on /usr/share/applications and /usr/share/icons/hicolor, so dpkg refreshes the
# desktop database and the icon cache itself; nothing caches /usr/share/metainfo.
# Depends is worked out from the bundle: the bundle carries no system libraries (see the spec),
# so every library its ELF files link and do not carry is looked up with ldd and dpkg.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/dist
WORK=$ROOT/build/pyinstaller
BUNDLE_ONLY=0
COMPRESSION=xz
PYTHON=${PYTHON:-python3}

die() { echo "build-deb.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case $1 in
    --out) OUT=${2:?--out needs a folder}; shift 2 ;;
    --work) WORK=${2:?--work needs a folder}; shift 2 ;;
    --bundle-only) BUNDLE_ONLY=1; shift ;;
    --compression) COMPRESSION=${2:?--compression needs a type}; shift 2 ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
mkdir -p "$OUT" "$WORK"
OUT=$(cd "$OUT" && pwd)
WORK=$(cd "$WORK" && pwd)

# --- inputs ------------------------------------------------------------------------------------

command -v "$PYTHON" >/dev/null || die "no Python interpreter '$PYTHON' (set PYTHON)"
"$PYTHON" -c 'import PyInstaller' 2>/dev/null \
  || die "PyInstaller is not installed for $PYTHON (pip install '.[bundle]')"
command -v objdump >/dev/null || die "objdump is missing (install binutils; PyInstaller needs it too)"
if [ $BUNDLE_ONLY = 0 ]; then
  command -v dpkg-deb >/dev/null || die "dpkg-deb is missing (install dpkg, or use --bundle-only)"
fi

read -r APP_ID APP_COMMAND VERSION SUMMARY < <("$PYTHON" - "$ROOT" <<'EOF'
import sys, tomllib
sys.path.insert(0, sys.argv[1])
from reader.appinfo import APP_COMMAND, APP_ID
project = tomllib.load(open(f"{sys.argv[1]}/pyproject.toml", "rb"))["project"]
print(APP_ID, APP_COMMAND, project["version"], project["description"])
EOF
)
DESKTOP=$ROOT/packaging/linux/$APP_ID.desktop
METAINFO=$ROOT/packaging/linux/$APP_ID.metainfo.xml
ICON=$ROOT/resources/icons/$APP_ID.svg
for f in "$DESKTOP" "$METAINFO" "$ICON"; do
  [ -f "$f" ] || die "${f#"$ROOT"/} is missing"
done

# --- the bundle --------------------------------------------------------------------------------

BUNDLE=$OUT/$APP_COMMAND
LOG=$WORK/pyinstaller.log
echo "build-deb.sh: building the bundle with PyInstaller (log: $LOG)"
START=$SECONDS
if ! "$PYTHON" -m PyInstaller --noconfirm --distpath "$OUT" --workpath "$WORK" \
    "$ROOT/packaging/pyinstaller/recap-reader.spec" >"$LOG" 2>&1; then
  tail -n 25 "$LOG" >&2
  die "PyInstaller failed (whole log: $LOG)"
fi
echo "build-deb.sh: $BUNDLE: $(du -sh "$BUNDLE" | cut -f1) in $((SECONDS - START)) s"
if [ $BUNDLE_ONLY = 1 ]; then exit 0; fi

# --- Depends -----------------------------------------------------------------------------------

# Libraries the build machine may lack because nothing here uses them (Wayland, on a server).
declare -A KNOWN_PACKAGES=(
  [libwayland-client.so.0]=libwayland-client0
  [libwayland-cursor.so.0]=libwayland-cursor0
  [libwayland-egl.so.1]=libwayland-egl1
)

mapfile -t ELFS < <(find "$BUNDLE" -type f \( -name '*.so*' -o -path "$BUNDLE/$APP_COMMAND" \))
declare -A CARRIED=() WHERE=() PACKAGES=()
while read -r name; do CARRIED[$name]=1; done < <(find "$BUNDLE" \( -type f -o -type l \) -name '*.so*' -printf '%f\n')
GLIBC=0
for elf in "${ELFS[@]}"; do
  # Direct links only (NEEDED), as dpkg-shlibdeps does: what those libraries link in turn is
  # their own packages' business. ldd says where this machine finds each one.
  while read -r soname; do
    [ -n "${CARRIED[$soname]:-}" ] || WHERE[$soname]=${WHERE[$soname]:-not-found}
  done < <(objdump -p "$elf" | awk '$1 == "NEEDED" {print $2}')
  while read -r soname arrow path _; do
    if [ "$arrow" = "=>" ] && [ "${WHERE[$soname]:-}" = not-found ] && [ "$path" != not ]; then
      WHERE[$soname]=$path
    fi
  done < <(ldd "$elf" 2>/dev/null)
  # The newest glibc symbol version anything uses is the oldest glibc the bundle runs on.
  newest=$(objdump -T "$elf" 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -n 1) || true
  if [ -n "$newest" ] && [ "$(printf '%s\n%s\n' "$GLIBC" "$newest" | sort -V | tail -n 1)" = "$newest" ]; then
    GLIBC=$newest
  fi
done
# Which package owns each library file: one dpkg-query for all of them (it reads its whole
# database on every call). With merged /usr, dpkg may know a file under /lib or /usr/lib, by
# the name ldd gives or the file the link resolves to.
declare -A OWNER=()
CANDIDATES=()
for path in "${WHERE[@]}"; do
  [ "$path" = not-found ] && continue
  real=$(readlink -f "$path")
  CANDIDATES+=("$path" "$real" "/usr$path" "/usr$real")
done
while IFS= read -r line; do
  case $line in diversion*) continue ;; esac
  OWNER[${line#*: }]=${line%%[:,]*}
done < <(dpkg-query -S "${CANDIDATES[@]}" 2>/dev/null || true)
for soname in "${!WHERE[@]}"; do
  case $soname in ld-linux*) continue ;; esac
  path=${WHERE[$soname]} package=
  if [ "$path" != not-found ]; then
    real=$(readlink -f "$path")
    for candidate in "$path" "$real" "/usr$path" "/usr$real"; do
      package=${package:-${OWNER[$candidate]:-}}
    done
  fi
  package=${package:-${KNOWN_PACKAGES[$soname]:-}}
  [ -n "$package" ] || die "the bundle links $soname, which no installed package provides; install it here or add it to KNOWN_PACKAGES"
  PACKAGES[$package]=1
done
unset 'PACKAGES[libc6]'
DEPENDS="libc6 (>= $GLIBC)"
for package in $(printf '%s\n' "${!PACKAGES[@]}" | sort); do DEPENDS+=", $package"; done

# --- the .deb ----------------------------------------------------------------------------------

ARCH=$(dpkg --print-architecture)
DEB=$OUT/${APP_COMMAND}_${VERSION}_${ARCH}.deb
STAGE=$WORK/deb
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/metainfo" "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/doc/$APP_COMMAND"
cp -a "$BUNDLE" "$STAGE/opt/$APP_COMMAND"
ln -s "/opt/$APP_COMMAND/$APP_COMMAND" "$STAGE/usr/bin/$APP_COMMAND"
cp "$DESKTOP" "$STAGE/usr/share/applications/"
cp "$METAINFO" "$STAGE/usr/share/metainfo/"
cp "$ICON" "$STAGE/usr/share/icons/hicolor/scalable/apps/"
cat >"$STAGE/usr/share/doc/$APP_COMMAND/copyright" <<EOF
Recap Reader
Copyright: Recap Reader developers
License: GPL-3.0-or-later
 On Debian systems the full text of the GNU General Public License version 3 is in
 /usr/share/common-licenses/GPL-3.

/opt/$APP_COMMAND/_internal holds the Python interpreter and the libraries the app runs on,
each under its own license: Python (PSF-2.0); Qt, PySide6 and shiboken6 (LGPL-3.0-only, as
shared libraries that can be replaced); ICU (Unicode-3.0); lxml (BSD-3-Clause, with libxml2 and
libxslt, MIT); PyYAML, charset-normalizer, markdown-it-py, mdurl, platformdirs, beautifulsoup4
and soupsieve (MIT); typing-extensions (PSF-2.0).
EOF
# Files as dpkg expects them whatever the umask: root-owned (--root-owner-group), not writable
# by others, directories and executables searchable.
chmod -R u+rwX,go+rX,go-w "$STAGE"

cat >"$STAGE/DEBIAN/control" <<EOF
Package: $APP_COMMAND
Version: $VERSION
Architecture: $ARCH
Maintainer: ${DEBFULLNAME:-Recap Reader developers} <${DEBEMAIL:-maintainers@recapreader.github.io}>
Installed-Size: $(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
Depends: $DEPENDS
Recommends: xdg-utils
Section: text
Priority: optional
Description: $SUMMARY
 Recap Reader opens saved articles (web pages saved from a browser, .mhtml pages, plain text and
 Markdown), pulls the article out of the page's clutter and keeps what happens in the episode
 hidden behind a blur until you click it. A sidebar shows the characters, the actors who play
 them and the episode's key moments. Saved pages are treated as untrusted: no script runs and
 nothing is fetched from the network.
 .
 This package carries its own Python and Qt (a PyInstaller build in /opt/$APP_COMMAND).
EOF

dpkg-deb --root-owner-group -Z"$COMPRESSION" --build "$STAGE" "$DEB" >/dev/null
echo "build-deb.sh: $DEB: $(du -h "$DEB" | cut -f1)"
echo "build-deb.sh: Depends: $DEPENDS"
