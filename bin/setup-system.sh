#!/usr/bin/env bash
# Installs the Debian packages the local stack needs: MariaDB, the PHP
# extensions WordPress uses, Chromium for the end-to-end tests, and the tools
# of the translation template and the screenshots.
# Idempotent; only calls apt when something is missing. Needs root.
source "$(dirname "$0")/lib.sh"

php_minor="$(php -r 'echo PHP_MAJOR_VERSION . "." . PHP_MINOR_VERSION;')"
packages=(
	mariadb-server mariadb-client
	"php$php_minor-mysql" "php$php_minor-curl" "php$php_minor-gd" "php$php_minor-intl"
	"php$php_minor-mbstring" "php$php_minor-xml" "php$php_minor-zip" "php$php_minor-bcmath"
	chromium fonts-liberation
	zip unzip gettext
	# Shrinks the README screenshots (bin/screenshots.sh).
	optipng
)
missing=()
for package in "${packages[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$package")
	fi
done
if ((${#missing[@]} == 0)); then
	exit 0
fi
if [[ "$(id -u)" != 0 ]]; then
	die "these Debian packages are missing and installing them needs root: ${missing[*]}"
fi
log "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >"${TMPDIR:-/tmp}/civikey-apt.log" 2>&1 ||
	{ tail -n 30 "${TMPDIR:-/tmp}/civikey-apt.log" >&2; die "apt-get install failed (log above)"; }
# Debian's maintainer scripts may start the system MariaDB; ours runs on its
# own data directory and port, so the system one is left alone.
