#!/usr/bin/env bash
# Brings WordPress $WP_BRANCH from Debian trixie's `wordpress` package without
# touching the system's apt sources: a private apt state on the mirror apt
# already uses. Idempotent: does nothing when the tree is already there.
source "$(dirname "$0")/lib.sh"

if [[ -f "$DOWNLOAD_DIR/wordpress-tree/wp-includes/version.php" ]]; then
	exit 0
fi

log "Downloading WordPress $WP_BRANCH from Debian trixie"
version="$(trixie_apt policy wordpress | awk '/Candidate:/ { print $2 }')"
[[ "$version" == "$WP_BRANCH".* ]] || die "trixie offers wordpress $version, expected $WP_BRANCH.x"
debs="$DOWNLOAD_DIR/apt-trixie/debs"
mkdir -p "$debs"
(
	cd "$debs"
	trixie_apt download wordpress wordpress-theme-twentytwentyfive \
		libjs-lodash libjs-underscore libjs-cropper php-getid3
) || die "downloading WordPress from Debian trixie failed"
extract="$DOWNLOAD_DIR/wordpress-extract"
rm -rf "$extract" "$DOWNLOAD_DIR/wordpress-tree.tmp"
mkdir -p "$extract"
for deb in "$debs"/*.deb; do
	dpkg-deb -x "$deb" "$extract"
done
# The package links into the other packages with relative symlinks; -L makes a
# self-contained tree. Its .htaccess link points to /etc and is not needed.
rm -f "$extract/usr/share/wordpress/.htaccess"
cp -rL "$extract/usr/share/wordpress" "$DOWNLOAD_DIR/wordpress-tree.tmp"
rm -f "$DOWNLOAD_DIR/wordpress-tree.tmp/wp-config.php"
mv "$DOWNLOAD_DIR/wordpress-tree.tmp" "$DOWNLOAD_DIR/wordpress-tree"
rm -rf "$extract"
log "WordPress $(php -r 'include $argv[1]; echo $wp_version;' "$DOWNLOAD_DIR/wordpress-tree/wp-includes/version.php") ready"
