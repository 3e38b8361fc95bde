#!/usr/bin/env bash
# Brings WordPress $WP_BRANCH from Debian trixie's `wordpress` package without
# touching the system's apt sources: a private apt state on the mirror apt
# already uses. Idempotent: does nothing when the tree is already there.
source "$(dirname "$0")/lib.sh"

if [[ -f "$DOWNLOAD_DIR/wordpress-tree/wp-includes/version.php" ]]; then
	exit 0
fi

mirror="$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
if [[ -z "$mirror" ]]; then
	mirror="$(awk '/^deb / { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)"
fi
[[ -n "$mirror" ]] || die "could not find the Debian mirror apt uses (/etc/apt/sources.list.d/debian.sources)"

apt_state="$DOWNLOAD_DIR/apt-trixie"
mkdir -p "$apt_state/lists/partial" "$apt_state/cache/archives/partial" "$apt_state/debs"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" >"$apt_state/sources.list"
apt_opts=(
	-o "Dir::Etc::SourceList=$apt_state/sources.list"
	-o "Dir::Etc::SourceParts=-"
	-o "Dir::State::Lists=$apt_state/lists"
	-o "Dir::Cache=$apt_state/cache"
	-o "APT::Sandbox::User=root"
)
log "Downloading WordPress $WP_BRANCH from Debian trixie ($mirror)"
apt-get -qq "${apt_opts[@]}" update
version="$(apt-cache "${apt_opts[@]}" policy wordpress | awk '/Candidate:/ { print $2 }')"
[[ "$version" == "$WP_BRANCH".* ]] || die "trixie offers wordpress $version, expected $WP_BRANCH.x"
(
	cd "$apt_state/debs"
	apt-get -qq "${apt_opts[@]}" download wordpress wordpress-theme-twentytwentyfive \
		libjs-lodash libjs-underscore libjs-cropper php-getid3
)
extract="$DOWNLOAD_DIR/wordpress-extract"
rm -rf "$extract" "$DOWNLOAD_DIR/wordpress-tree.tmp"
mkdir -p "$extract"
for deb in "$apt_state"/debs/*.deb; do
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
