#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every translatable file is in po/POTFILES.in, and every language in
# po/LINGUAS translates every string of the current sources: nothing
# untranslated, nothing fuzzy, msgfmt --check clean.
set -euo pipefail
src=${1:?usage: check-translations.sh SOURCE_DIR}
cd "$src"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# 1. POTFILES.in lists every file with translatable strings.
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
found=$( { grep -rlE '\b(N?_|C_|NC_|g_dngettext) ?\(' app --include='*.c';
           grep -rl 'translatable="yes"' app --include='*.ui';
           ls resources/*.desktop.in.in resources/*.metainfo.xml.in.in resources/*.gschema.xml; } | sort -u)
missing=$(comm -13 <(echo "$listed") <(echo "$found"))
if [ -n "$missing" ]; then
  echo "not in po/POTFILES.in:"; echo "$missing"; status=1
fi

# 2. A fresh template from the sources, as meson's glib preset makes it.
xgettext --directory="$src" --files-from=po/POTFILES.in --output="$tmp/triptych.pot" \
  --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format --package-name=triptych
total=$(msgattrib --no-obsolete "$tmp/triptych.pot" | grep -c '^msgid ' || true)
echo "template: $((total - 1)) strings"

# 3. Each translation, merged with the template, is complete and valid.
for lang in $(grep -v '^#' po/LINGUAS); do
  msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/triptych.pot" -o "$tmp/$lang.po"
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  echo "$lang: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*) status=1 ;;
  esac
  if ! LC_ALL=C msgfmt --check -o /dev/null "po/$lang.po"; then status=1; fi
done
exit $status
