#!/usr/bin/env bash
# Shared settings for the local stack. Sourced by the other bin/ scripts.
# Everything the stack creates lives under $STACK_DIR (git-ignored), so
# `rm -rf .stack` after `npm stop` returns the checkout to a clean state.

set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STACK_DIR="${CIVIKEY_STACK_DIR:-$ROOT_DIR/.stack}"
RUN_DIR="$STACK_DIR/run"
LOG_DIR="$STACK_DIR/logs"
DOWNLOAD_DIR="$STACK_DIR/downloads"
WP_DIR="$STACK_DIR/wordpress"
DB_DATA_DIR="$STACK_DIR/mysql"

# WordPress comes from Debian trixie's package; the mirror only keeps the newest
# 6.8.x, so we pin major.minor and print the exact version we got.
WP_BRANCH="${CIVIKEY_WP_BRANCH:-6.8}"

HTTP_HOST="127.0.0.1"
HTTP_PORT="${CIVIKEY_PORT:-8889}"
SITE_URL="http://$HTTP_HOST:$HTTP_PORT"
PHP_WORKERS="${CIVIKEY_PHP_WORKERS:-8}"

DB_HOST="127.0.0.1"
DB_PORT="${CIVIKEY_DB_PORT:-3307}"
DB_NAME="civikey_dev"
DB_TEST_NAME="civikey_test"
DB_USER="civikey"
DB_PASSWORD="civikey"

ADMIN_USER="admin"
ADMIN_PASSWORD="${CIVIKEY_ADMIN_PASSWORD:-password}"
ADMIN_EMAIL="admin@example.org"

export ROOT_DIR STACK_DIR RUN_DIR LOG_DIR WP_DIR SITE_URL DB_HOST DB_PORT DB_NAME \
	DB_TEST_NAME DB_USER DB_PASSWORD ADMIN_USER ADMIN_PASSWORD ADMIN_EMAIL
# Read by the PHPUnit configuration and the Playwright tests.
export CIVIKEY_SITE_URL="$SITE_URL" CIVIKEY_DB_PORT="$DB_PORT" CIVIKEY_WP_DIR="$WP_DIR" CIVIKEY_STACK_DIR="$STACK_DIR"

log() { printf '[civikey] %s\n' "$*"; }
die() { printf '[civikey] error: %s\n' "$*" >&2; exit 1; }

mysql_root() {
	mariadb --protocol=socket --socket="$RUN_DIR/mysqld.sock" -uroot "$@"
}

# Runs `php` with the stack's environment so PHP helpers find the database.
stack_php() {
	php -d display_errors=stderr "$@"
}

# apt-get against Debian trixie on the mirror apt already uses, through a
# private apt state in $DOWNLOAD_DIR/apt-trixie: the system's sources stay
# as they are. The package lists are fetched on first use.
trixie_apt() {
	local state="$DOWNLOAD_DIR/apt-trixie" mirror
	local options=(
		-o "Dir::Etc::SourceList=$state/sources.list"
		-o "Dir::Etc::SourceParts=-"
		-o "Dir::State::Lists=$state/lists"
		-o "Dir::Cache=$state/cache"
		-o "APT::Sandbox::User=root"
	)
	if [[ ! -f "$state/sources.list" ]]; then
		mirror="$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
		if [[ -z "$mirror" ]]; then
			mirror="$(awk '/^deb / { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)"
		fi
		[[ -n "$mirror" ]] || die "could not find the Debian mirror apt uses (/etc/apt/sources.list.d/debian.sources)"
		mkdir -p "$state/lists/partial" "$state/cache/archives/partial"
		echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" >"$state/sources.list"
	fi
	if ! compgen -G "$state/lists/*_Packages*" >/dev/null; then
		apt-get -qq "${options[@]}" update || return 1
	fi
	if [[ "$1" == policy ]]; then
		apt-cache "${options[@]}" "$@"
	else
		apt-get -qq "${options[@]}" "$@"
	fi
}

# The version of the civicrm-core built into the stack (bin/build-civicrm.sh).
civicrm_core_version() {
	sed -n 's#.*<version_no>\(.*\)</version_no>.*#\1#p' "$WP_DIR/wp-content/plugins/civicrm/civicrm/xml/version.xml" 2>/dev/null
}

# True when the process in a pid file is alive.
pid_alive() {
	[[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

wait_for() {
	local what="$1" tries="$2"
	shift 2
	local i
	for ((i = 0; i < tries; i++)); do
		if "$@" >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.25
	done
	die "$what did not come up; see $LOG_DIR"
}
