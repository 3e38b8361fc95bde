#!/usr/bin/env bash
# The admin screen's budget: build/index.js at most 20 KB gzipped, with
# WordPress's packages as externals (they ship with WordPress).
source "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"
budget=$((20 * 1024))
[[ -f build/index.js ]] || die "build/index.js is missing: run npm run build"
raw=$(stat -c %s build/index.js)
gzipped=$(gzip -9 -c build/index.js | wc -c)
extra=0
for chunk in build/*.js; do
	[[ "$chunk" == build/index.js ]] && continue
	extra=$((extra + $(gzip -9 -c "$chunk" | wc -c)))
done
log "build/index.js: $raw bytes, $gzipped bytes gzipped (budget $budget); lazy chunks: $extra bytes gzipped"
((gzipped <= budget)) || die "build/index.js is $gzipped bytes gzipped, over the $budget budget"
