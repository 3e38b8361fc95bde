#!/usr/bin/env bash
# Installs the project's own development dependencies when they are missing:
# npm packages (npm ci, from package-lock.json) and Composer's PHP tools.
source "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"
if [[ ! -x node_modules/.bin/wp-scripts || package-lock.json -nt node_modules/.package-lock.json ]]; then
	log "Installing npm packages (npm ci)"
	npm ci --no-audit --no-fund --loglevel=error
fi
# Composer leaves vendor/autoload.php alone when nothing changed, so a stamp
# of our own says when the last install ran.
stamp=vendor/.civikey-installed
if [[ ! -x vendor/bin/phpunit || ! -f $stamp || composer.json -nt $stamp || composer.lock -nt $stamp ]]; then
	log "Installing PHP development tools (composer install)"
	composer install --no-interaction --no-progress --quiet
	touch "$stamp"
fi
