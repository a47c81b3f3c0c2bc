#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The app run from the build folder (build-aux/dev run, meson devenv) shows
# its own strings in the user's language: TRIPTYCH_LOCALEDIR points gettext
# at the .mo files built there. Usage: check-uninstalled-locale.sh APP PODIR
set -eu
out=$(LANG=C.UTF-8 LANGUAGE=ru TRIPTYCH_LOCALEDIR="$2" "$1" --help 2>&1)
if ! printf '%s\n' "$out" | grep -q 'Открывает две или три версии'; then
  echo "triptych --help is not in Russian:"
  printf '%s\n' "$out"
  exit 1
fi
echo "triptych --help in Russian from $2"
