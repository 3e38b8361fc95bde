#!/usr/bin/env bash
# Builds the plugin zip, checks it holds only what a site needs, installs it
# into a clean WordPress (its own copy of the stack's core and its own
# database, no CiviCRM), activates it and asks its status route for an answer.
source "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"

npm run --silent plugin-zip >"$LOG_DIR/plugin-zip.log" 2>&1 || { tail -n 20 "$LOG_DIR/plugin-zip.log"; die "npm run plugin-zip failed"; }
listing="$(unzip -Z1 civikey.zip)"
for forbidden in 'civikey/tests/' 'civikey-standin' 'civicrm-standin' 'civikey/node_modules/' 'civikey/vendor/' 'civikey/src/' 'civikey/bin/' 'civikey/.stack/' 'civikey/package.json' 'civikey/composer.json'; do
	if grep -q "$forbidden" <<<"$listing"; then
		die "the zip contains $forbidden, which a site does not need"
	fi
done
for required in civikey/civikey.php civikey/uninstall.php civikey/readme.txt civikey/build/index.js civikey/build/index.asset.php civikey/languages/civikey.pot civikey/includes/class-plugin.php; do
	grep -qx "$required" <<<"$listing" || die "the zip lacks $required"
done
log "civikey.zip: $(wc -l <<<"$listing") files, $(stat -c %s civikey.zip) bytes, nothing from tests/, src/ or dev tools"

site="$STACK_DIR/zip-site"
rm -rf "$site"
cp -r "$DOWNLOAD_DIR/wordpress-tree" "$site"
unzip -q civikey.zip -d "$site/wp-content/plugins"
mysql_root -e "DROP DATABASE IF EXISTS civikey_zip; CREATE DATABASE civikey_zip; GRANT ALL ON civikey_zip.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';"
sed -e "s/getenv( 'CIVIKEY_DB_NAME' ) ?: '$DB_NAME'/'civikey_zip'/" \
	-e "s#define( 'WP_DEBUG_LOG', '[^']*' );#define( 'WP_DEBUG_LOG', '$LOG_DIR/zip-debug.log' );#" \
	"$WP_DIR/wp-config.php" >"$site/wp-config.php"
rm -f "$LOG_DIR/zip-debug.log"
php "$ROOT_DIR/bin/install-wordpress.php" "$site" "http://zip.invalid" admin password admin@example.org civikey/civikey.php ||
	die "the zip did not install and activate"
answer="$(php -r '
	define( "WP_ADMIN", true );
	$_SERVER["HTTP_HOST"] = "zip.invalid";
	require $argv[1] . "/wp-load.php";
	wp_set_current_user( get_user_by( "login", "admin" )->ID );
	$response = rest_do_request( new WP_REST_Request( "GET", "/civikey/v1/status" ) );
	echo $response->get_status(), " ", $response->get_data()["civicrm"]["state"];
	global $wpdb;
	echo " ", $wpdb->get_var( "SHOW TABLES LIKE \"wp_civikey_audit\"" ) ? "audit-table" : "no-audit-table";
' "$site")"
[[ "$answer" == "200 missing audit-table" ]] || die "the installed zip answered '$answer', expected '200 missing audit-table'"
if [[ -s "$LOG_DIR/zip-debug.log" ]]; then
	cat "$LOG_DIR/zip-debug.log"
	die "PHP wrote to the debug log while the zip was installed and used"
fi
log "The zip installs, activates, creates its table and answers without CiviCRM: $answer"

# Deleting the plugin runs uninstall.php: CiviKey's tables, options, cron
# event and roles go; other roles stay as they were.
gone="$(php -r '
	define( "WP_ADMIN", true );
	$_SERVER["HTTP_HOST"] = "zip.invalid";
	require $argv[1] . "/wp-load.php";
	require_once ABSPATH . "wp-admin/includes/plugin.php";
	require_once ABSPATH . "wp-admin/includes/file.php";
	wp_set_current_user( get_user_by( "login", "admin" )->ID );
	add_role( "civikey_client_test", "CiviCRM API client: test", array( "access_ajax_api" => true ) );
	update_option( "civikey_stale_days", 30 );
	$admin_caps = wp_json_encode( get_role( "administrator" )->capabilities );
	deactivate_plugins( "civikey/civikey.php", true );
	$deleted = delete_plugins( array( "civikey/civikey.php" ) );
	global $wpdb;
	wp_cache_flush();
	$left = array_filter( array(
		"plugin files"  => is_dir( WP_PLUGIN_DIR . "/civikey" ),
		"audit table"   => (bool) $wpdb->get_var( "SHOW TABLES LIKE \"wp_civikey_audit\"" ),
		"usage table"   => (bool) $wpdb->get_var( "SHOW TABLES LIKE \"wp_civikey_key_usage\"" ),
		"db version"    => false !== get_option( "civikey_db_version" ),
		"stale option"  => false !== get_option( "civikey_stale_days" ),
		"role"          => null !== wp_roles()->get_role( "civikey_client_test" ),
		"purge event"   => (bool) wp_next_scheduled( "civikey_purge_audit" ),
		"admin changed" => wp_json_encode( get_role( "administrator" )->capabilities ) !== $admin_caps,
	) );
	echo true === $deleted && ! $left ? "clean" : "left: " . implode( ", ", array_keys( $left ) );
' "$site")"
[[ "$gone" == "clean" ]] || die "uninstalling left things behind: $gone"
if grep -qE "civicrm_api|civicrm_initialize|api_key" uninstall.php; then
	die "uninstall.php must not touch CiviCRM or its keys"
fi
log "Deleting the plugin removes its tables, options, cron event and roles, and leaves CiviCRM's keys alone"
rm -rf "$site"
