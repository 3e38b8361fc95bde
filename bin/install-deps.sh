#!/usr/bin/env bash
# Installs the project's own development dependencies when they are missing:
# npm packages (npm ci, from package-lock.json) and Composer's PHP tools.
source "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"
if [[ ! -x node_modules/.bin/wp-scripts || package-lock.json -nt node_modules/.package-lock.json ]]; then
	log "Installing npm packages (npm ci)"
	npm ci --no-audit --no-fund --loglevel=error
fi
if [[ ! -x vendor/bin/phpunit || composer.json -nt vendor/autoload.php ]]; then
	log "Installing PHP development tools (composer install)"
	composer install --no-interaction --no-progress --quiet
fi
