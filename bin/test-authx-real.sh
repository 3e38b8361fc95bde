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
authx_ok=0
[[ "$good" == 200 && "$answered" == "$contact_id" && "$bad" == 401 ]] || authx_ok=1

# The APIv4 request the screen's "How to use this key" shows, at the URL
# CiviKey gives for it, with a key from a least-privilege integration made by
# `wp civikey connect` (service contact, its own user, a role with only what
# reading contacts needs).
connected="$(wp_cli civikey connect "AuthX check $(date +%s)" --yes)" || die "wp civikey connect failed"
service_contact="$(printf '%s\n' "$connected" | sed -nE 's/.*Connected ".*": contact ([0-9]+),.*/\1/p')"
service_key="$(printf '%s\n' "$connected" | grep -E '^[A-Za-z0-9]{32}$' | head -n 1)"
unset connected
[[ "$service_contact" =~ ^[1-9][0-9]*$ && -n "$service_key" ]] || die "wp civikey connect did not name a contact and print a key"
api4_url="$(php -r '
	$_SERVER["HTTP_HOST"] = "localhost"; $_SERVER["REQUEST_URI"] = "/";
	require $argv[1] . "/wp-load.php";
	echo ( new CiviKey\CiviCRM\Gateway() )->frontend_url( "civicrm/ajax/api4/Contact/get" );
' "$WP_DIR" 2>/dev/null)"
api4="$(curl -sS -o "$RUN_DIR/api4.json" -w '%{http_code}' -X POST "$api4_url" \
	-H "X-Civi-Auth: Bearer $service_key" \
	--data-urlencode "params={\"select\":[\"id\"],\"where\":[[\"id\",\"=\",$service_contact]]}")"
unset service_key
found="$(php -r '$r = json_decode(file_get_contents($argv[1]), true); echo isset($r["values"]) ? implode(",", array_column($r["values"], "id")) : "none";' "$RUN_DIR/api4.json")"
rm -f "$RUN_DIR/api4.json"
echo "APIv4 over HTTP, real CiviCRM $version: Contact.get at the URL CiviKey shows, key from wp civikey connect for contact $service_contact → HTTP $api4, found contact $found"
[[ "$api4" == 200 && "$found" == "$service_contact" && $authx_ok == 0 ]]
