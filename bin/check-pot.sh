#!/usr/bin/env bash
# Fails when languages/civikey.pot lacks strings the sources have (or has
# strings they no longer have), or names another built script for a string
# (build/index.js or a chunk loaded later): run `npm run make-pot` and commit.
# Line numbers of src/ references are left out: they move with every edit.
source "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"
fresh="$(mktemp)"
trap 'rm -f "$fresh"' EXIT
bash bin/make-pot.sh "$fresh" >/dev/null
significant() { grep -E '^(msg(id|id_plural|ctxt) |#: build/)' "$1"; }
if ! diff <(significant languages/civikey.pot) <(significant "$fresh") >/dev/null; then
	diff <(significant languages/civikey.pot) <(significant "$fresh") | head -20 || true
	die "languages/civikey.pot is out of date: run npm run make-pot and commit it"
fi
log "languages/civikey.pot is up to date"
