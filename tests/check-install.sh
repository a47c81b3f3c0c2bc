#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `meson install` into a staging folder gives a complete installation, and
# the installed programs run from it: triptych-cli segments a file, and
# triptych starts on the sample report and stays up.
set -euo pipefail
build=${1:?usage: check-install.sh BUILD_DIR PREFIX}
prefix=${2:?usage: check-install.sh BUILD_DIR PREFIX}
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

meson install -C "$build" --no-rebuild --quiet --destdir "$stage"
root="$stage$prefix"

for f in bin/triptych bin/triptych-cli \
         share/applications/io.github.triptych.Triptych.desktop \
         share/metainfo/io.github.triptych.Triptych.metainfo.xml \
         share/glib-2.0/schemas/io.github.triptych.Triptych.gschema.xml \
         share/icons/hicolor/scalable/apps/io.github.triptych.Triptych.svg \
         share/icons/hicolor/symbolic/apps/io.github.triptych.Triptych-symbolic.svg \
         share/locale/ru/LC_MESSAGES/triptych.mo share/locale/uk/LC_MESSAGES/triptych.mo; do
  if [ ! -e "$root/$f" ]; then echo "not installed: $f"; exit 1; fi
done

printf 'The talks began. Mr. Hrytsenko spoke first.\n' > "$stage/report.txt"
out=$("$root/bin/triptych-cli" segment --lang en "$stage/report.txt")
[ "$out" = "$(printf 'The talks began.\nMr. Hrytsenko spoke first.')" ] || { echo "installed triptych-cli: $out"; exit 1; }

glib-compile-schemas "$root/share/glib-2.0/schemas"
export GSETTINGS_SCHEMA_DIR="$root/share/glib-2.0/schemas" GSETTINGS_BACKEND=memory
"$root/bin/triptych" --help | grep -q -- '--sample'

if [ -n "${DISPLAY:-}" ]; then
  "$root/bin/triptych" --sample &
  pid=$!
  sleep 3
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" || true
    echo "the installed triptych exited early"; exit 1
  fi
  kill "$pid"
  wait "$pid" 2>/dev/null || true
fi
echo "installed and ran from $root"
