#!/usr/bin/env bash
# The whole path on a live site with the real CiviCRM: on the running stack
# with the real CiviCRM (`bash bin/on-real-stack.sh bash bin/test-authx-real.sh`
# in `npm test`), sets a contact's key through CiviKey
# (`wp civikey set --generate`), then asks CiviCRM's AuthX over HTTP with
# `curl -H "X-Civi-Auth: Bearer <key>" .../civicrm/authx/id/`: it must answer
# that contact's ID, and 401 for a wrong key. The key itself is never printed.
source "$(dirname "$0")/lib.sh"

[[ "$(cat "$STACK_DIR/civicrm" 2>/dev/null)" == real ]] ||
	die "the stack at $SITE_URL does not run the real CiviCRM; run this through bin/on-real-stack.sh after starting that stack"
curl -fsS -o /dev/null --max-time 10 "$SITE_URL/wp-login.php" || die "nothing answers at $SITE_URL; start the stack first"

wp_cli() { "$ROOT_DIR/vendor/bin/wp" --allow-root --path="$WP_DIR" --user="$ADMIN_USER" "$@" 2>/dev/null; }
version="$(civicrm_core_version)"
# The admin's own contact: CiviCRM makes and links it when the admin first uses CiviCRM.
contact_id="$(php -r '
	$_SERVER["HTTP_HOST"] = "localhost"; $_SERVER["REQUEST_URI"] = "/";
	require $argv[1] . "/wp-load.php";
	wp_set_current_user( 1 );
	civicrm_initialize();
	echo (int) CRM_Core_BAO_UFMatch::getContactId( 1 );
' "$WP_DIR" 2>/dev/null)"
[[ "$contact_id" =~ ^[1-9][0-9]*$ ]] || die "the admin has no CiviCRM contact (got '$contact_id')"

output="$(wp_cli civikey set "$contact_id" --generate --yes)" || die "wp civikey set failed"
key="$(printf '%s\n' "$output" | tail -n 1)"
[[ "$key" =~ ^[A-Za-z0-9]{32}$ ]] || die "wp civikey set did not print a 32-character key last"

url="$SITE_URL/civicrm/authx/id/"
good="$(curl -sS -o "$RUN_DIR/authx-good.json" -w '%{http_code}' -H "X-Civi-Auth: Bearer $key" "$url")"
answered="$(php -r 'echo json_decode(file_get_contents($argv[1]), true)["contact_id"] ?? "none";' "$RUN_DIR/authx-good.json")"
wrong_key="$(printf '%s' "$key" | rev)"
bad="$(curl -sS -o /dev/null -w '%{http_code}' -H "X-Civi-Auth: Bearer $wrong_key" "$url")"
rm -f "$RUN_DIR/authx-good.json"
unset key wrong_key output

echo "AuthX over HTTP, real CiviCRM $version: key set through CiviKey for contact $contact_id → HTTP $good, contact_id $answered; wrong key → HTTP $bad"
[[ "$good" == 200 && "$answered" == "$contact_id" && "$bad" == 401 ]]
