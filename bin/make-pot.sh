#!/usr/bin/env bash
# Writes languages/civikey.pot from the PHP and TypeScript sources with GNU
# xgettext (WP-CLI's i18n command is not in the registries we reach). The
# keywords are WordPress's translation functions; translator comments are
# kept. Each TypeScript string also gets a reference to the built script it
# is in (build/index.js, or build/civikey-reports.js for the views loaded
# later): WordPress finds a script's translations by that path, and
# `wp i18n make-json` writes one JSON file per .js reference, so without
# them the screen would never be translated (see bin/pot-build-refs.js).
source "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"
command -v xgettext >/dev/null || die "xgettext is missing: apt-get install gettext"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
version="$(php -r 'preg_match("/^ \* Version:\s*(\S+)/m", file_get_contents("civikey.php"), $m); echo $m[1];')"

{ echo civikey.php; echo uninstall.php; find includes -name '*.php' | sort; } >"$tmp/php"
find src \( -name '*.ts' -o -name '*.tsx' \) -not -path '*/test/*' | sort >"$tmp/js"

common=(--from-code=UTF-8 --add-comments=translators --sort-by-file --package-name=CiviKey
	--package-version="$version" --msgid-bugs-address="https://wordpress.org/support/plugin/civikey")
xgettext "${common[@]}" --language=PHP -o "$tmp/php.pot" -f "$tmp/php" \
	--keyword=__:1 --keyword=_e:1 --keyword=_x:1,2c --keyword=_ex:1,2c --keyword=_n:1,2 \
	--keyword=_nx:1,2,4c --keyword=esc_html__:1 --keyword=esc_html_e:1 --keyword=esc_attr__:1 \
	--keyword=esc_attr_e:1 --keyword=esc_html_x:1,2c --keyword=esc_attr_x:1,2c --keyword=_n_noop:1,2
xgettext "${common[@]}" --language=JavaScript -o "$tmp/js.pot" -f "$tmp/js" \
	--keyword=__:1 --keyword=_x:1,2c --keyword=_n:1,2 --keyword=_nx:1,2,4c
out="${1:-languages/civikey.pot}"
mkdir -p "$(dirname "$out")"
{
	echo "# Copyright (C) CiviKey contributors"
	echo "# This file is distributed under the GPL-2.0-or-later license."
	msgcat --use-first --sort-by-file "$tmp/php.pot" "$tmp/js.pot" |
		sed -e '1,5d' \
			-e 's/^"Content-Type: text\/plain; charset=CHARSET\\n"$/"Content-Type: text\/plain; charset=UTF-8\\n"/' \
			-e '/^"POT-Creation-Date:/d'
} >"$out"

# Which source file is in which script: webpack's stats of a build of its own,
# so build/ stays as it is.
npx wp-scripts build src/index.tsx --output-path="$tmp/build" --json="$tmp/stats.json" >"$tmp/build.log" 2>&1 ||
	{ tail -n 20 "$tmp/build.log" >&2; die "the build for the translation template failed"; }
node bin/pot-build-refs.js "$out" "$tmp/stats.json" || die "could not add the built scripts to $out"
log "$out: $(grep -c '^msgid "' "$out") strings, $(grep -c '^#: build/' "$out") of them in built scripts"
