#!/usr/bin/env bash
# A plugin-check style scan of civikey.zip's contents, at zero errors, then
# its self-test (one planted fault per check, each must be caught).
#
# WordPress's own Plugin Check cannot be installed here: asked on 2026-11-23,
#   composer require --dev wordpress/plugin-check
#     -> Could not find a matching version of package wordpress/plugin-check.
#   composer require --dev "wordpress/plugin-check:@dev"
#     -> Root composer.json requires wordpress/plugin-check, it could not be
#        found in any version, there may be a typo in the package name.
#   npm view @wordpress/plugin-check   -> npm error 404 ... could not be found
#   apt-cache search plugin-check      -> no WordPress package
# so bin/plugin-check.php does the static checks of it that PHPCS does not.
#
# Usage: bash bin/plugin-check.sh [civikey.zip]   (built when not given and missing)
source "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"

zip="${1:-$ROOT_DIR/civikey.zip}"
if [[ ! -f "$zip" ]]; then
	[[ $# -eq 0 ]] || die "$zip does not exist"
	mkdir -p "$LOG_DIR"
	npm run --silent plugin-zip >"$LOG_DIR/plugin-zip.log" 2>&1 || { tail -n 20 "$LOG_DIR/plugin-zip.log"; die "npm run plugin-zip failed"; }
fi
# WordPress's own header parser reads the plugin header, as a site would.
[[ -f "$DOWNLOAD_DIR/wordpress-tree/wp-includes/version.php" ]] || bash "$ROOT_DIR/bin/fetch-wordpress.sh" >/dev/null

unpacked="$(mktemp -d)"
trap 'rm -rf "$unpacked"' EXIT
unzip -q "$zip" -d "$unpacked"
[[ -d "$unpacked/civikey" ]] || die "$zip does not unpack into a civikey/ folder, so WordPress would not install it as civikey"

php "$ROOT_DIR/bin/plugin-check.php" "$unpacked/civikey" "$DOWNLOAD_DIR/wordpress-tree" || die "the plugin check found errors (listed above)"
php "$ROOT_DIR/bin/plugin-check.php" --self-test "$unpacked/civikey" "$DOWNLOAD_DIR/wordpress-tree" || die "the plugin check's self-test failed: a check no longer catches what it should"
