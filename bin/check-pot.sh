#!/usr/bin/env bash
# Fails when languages/civikey.pot lacks strings the sources have (or has
# strings they no longer have): run `npm run make-pot` and commit.
source "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"
fresh="$(mktemp)"
trap 'rm -f "$fresh"' EXIT
bash bin/make-pot.sh "$fresh" >/dev/null
if ! diff <(grep -E '^msg(id|id_plural|ctxt) ' languages/civikey.pot) <(grep -E '^msg(id|id_plural|ctxt) ' "$fresh") >/dev/null; then
	diff <(grep -E '^msg(id|id_plural|ctxt) ' languages/civikey.pot) <(grep -E '^msg(id|id_plural|ctxt) ' "$fresh") | head -20
	die "languages/civikey.pot is out of date: run npm run make-pot and commit it"
fi
log "languages/civikey.pot is up to date"
