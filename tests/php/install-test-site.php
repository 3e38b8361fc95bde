<?php
/**
 * Installs a fresh WordPress into the test database. Run in its own process
 * by the bootstrap (WordPress cannot be loaded twice in one process).
 *
 * With CIVIKEY_CIVICRM=real it also puts the real CiviCRM's test database
 * back as it was right after CiviCRM was installed: the first run installs
 * CiviCRM (with CiviCRM's own installer, in a child process started with
 * --install-civicrm) and dumps that database; every run restores the dump.
 *
 * @package CiviKey\Tests
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

require __DIR__ . '/wp-tests-config.php';

// The one-time install of the real CiviCRM (see civikey_tests_install_real_civicrm()).
$civikey_install_civicrm = 'real' === CIVIKEY_TESTS_CIVICRM && in_array( '--install-civicrm', (array) $GLOBALS['argv'], true );
if ( $civikey_install_civicrm ) {
	civikey_tests_clear_real_civicrm_dir();
	// Nothing is loaded up front: CiviCRM's installer loads and activates its
	// plugin itself once the settings file exists. Loaded earlier, civicrm.php
	// would have decided CIVICRM_INSTALLED is FALSE, and the install stops
	// with "Found installation canary".
	unset( $GLOBALS['wp_filter']['muplugins_loaded'] );
} elseif ( 'real' === CIVIKEY_TESTS_CIVICRM ) {
	// Before WordPress loads: civicrm.php decides CIVICRM_INSTALLED from the settings file.
	civikey_tests_restore_real_civicrm();
}

define( 'WP_INSTALLING', true );
require ABSPATH . 'wp-settings.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

civikey_tests_empty_wordpress_database();
// Real CiviCRM already links the admin user to a contact (in the restored
// database); synchronising it again before the base page exists would warn.
$civikey_civicrm_users = function_exists( 'civi_wp' ) && isset( civi_wp()->users ) ? civi_wp()->users : null;
if ( $civikey_civicrm_users ) {
	remove_action( 'user_register', array( $civikey_civicrm_users, 'update_user' ) );
	remove_action( 'profile_update', array( $civikey_civicrm_users, 'update_user' ) );
}
wp_install( 'CiviKey tests', 'admin', WP_TESTS_EMAIL, false, '', 'password' );
if ( $civikey_civicrm_users ) {
	add_action( 'user_register', array( $civikey_civicrm_users, 'update_user' ) );
	add_action( 'profile_update', array( $civikey_civicrm_users, 'update_user' ) );
}
update_option( 'siteurl', 'http://' . WP_TESTS_DOMAIN );
update_option( 'home', 'http://' . WP_TESTS_DOMAIN );
update_option( 'permalink_structure', '/%postname%/' );
if ( CIVIKEY_TESTS_MULTISITE ) {
	civikey_tests_install_network();
}

if ( $civikey_install_civicrm ) {
	civikey_tests_install_real_civicrm();
	exit( 0 );
}

foreach ( civikey_tests_plugin_files() as $file ) {
	do_action( 'activate_' . plugin_basename( $file ) ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress's own activation hook.
}
// Named as the local stack links them, so that WP-CLI run against this
// database (tests/php/cli) loads the same plugins.
update_option( 'active_plugins', array_keys( civikey_tests_plugin_files() ) );
if ( 'real' === CIVIKEY_TESTS_CIVICRM ) {
	// What the first wp-admin page after activating CiviCRM does: create the
	// base page CiviCRM's front-end URLs live on. Without it, making any
	// contact warns 'Attempt to read property "ID" on null'
	// (civicrm-core CRM/Utils/System/WordPress.php).
	wp_set_current_user( 1 );
	if ( ! civi_wp()->basepage->create_wp_basepage() ) {
		fwrite( STDERR, "Creating CiviCRM's base page failed.\n" );
		exit( 1 );
	}
	update_option( 'civicrm_activation_in_progress', 'false' );
	wp_set_current_user( 0 );
}
if ( function_exists( 'civicrm_initialize' ) ) {
	civicrm_initialize();
}
fwrite( STDOUT, 'Installed WordPress ' . get_bloginfo( 'version' ) . ( CIVIKEY_TESTS_MULTISITE ? ' as a network' : '' ) . ' into ' . DB_NAME . ' with CiviCRM: ' . CIVIKEY_TESTS_CIVICRM . "\n" );

/**
 * Turns the fresh site into a network whose main site it is, as WordPress's
 * own test library does (tests/phpunit/includes/install.php in
 * wordpress-develop): install_network() creates the network tables and
 * populate_network() the network, with the admin as its super admin. The
 * process goes on as a single site; the bootstrap loads WordPress as a
 * network.
 */
function civikey_tests_install_network(): void {
	global $wpdb;
	define( 'WP_INSTALLING_NETWORK', true );
	// wpdb names the network tables only when WordPress loads as a network.
	foreach ( $wpdb->tables( 'ms_global' ) as $table => $prefixed_table ) {
		$wpdb->$table = $prefixed_table;
	}
	install_network();
	$network = populate_network( 1, WP_TESTS_DOMAIN, WP_TESTS_EMAIL, 'CiviKey tests network', '/', false );
	if ( is_wp_error( $network ) ) {
		fwrite( STDERR, 'Making the test site a network failed: ' . $network->get_error_message() . "\n" );
		exit( 1 );
	}
}

/**
 * Drops every table of the WordPress test database: WordPress's and the
 * CiviCRM stand-in's alike.
 */
function civikey_tests_empty_wordpress_database(): void {
	global $wpdb;
	$wpdb->query( 'SET FOREIGN_KEY_CHECKS = 0' );
	foreach ( $wpdb->get_col( 'SHOW TABLES' ) as $table ) {
		$wpdb->query( "DROP TABLE IF EXISTS `$table`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- names from SHOW TABLES.
	}
	$wpdb->query( 'SET FOREIGN_KEY_CHECKS = 1' );
	wp_cache_flush();
	// WordPress loaded the old site's roles before the drop; left in memory,
	// wp_install() would write them (and any role a test made) back.
	unset( $GLOBALS['wp_roles'] );
}

/**
 * What identifies an installed test CiviCRM: when any of it changes, the
 * one-time install runs again.
 *
 * @return string JSON.
 */
function civikey_tests_real_civicrm_stamp(): string {
	$version_xml = (string) file_get_contents( dirname( CIVIKEY_TESTS_CIVICRM_PLUGIN ) . '/civicrm/xml/version.xml' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- local file.
	preg_match( '#<version_no>([^<]+)</version_no>#', $version_xml, $version );
	return civikey_tests_json(
		array(
			'civicrm'  => $version[1] ?? '',
			'plugin'   => CIVIKEY_TESTS_CIVICRM_PLUGIN,
			'database' => DB_HOST . '/' . CIVIKEY_TESTS_CIVICRM_DB_NAME,
			'user'     => DB_USER,
			'site_key' => hash( 'sha256', CIVIKEY_STANDIN_SITE_KEY ),
		)
	);
}

/**
 * JSON without WordPress loaded.
 *
 * @param array<string, string> $data Data.
 * @return string
 */
function civikey_tests_json( array $data ): string {
	return (string) json_encode( $data, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ); // phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- WordPress is not loaded yet.
}

/**
 * Runs the mariadb client (or mariadb-dump) against the test server.
 *
 * @param string $program mariadb or mariadb-dump.
 * @param string $args    Further arguments, already escaped.
 * @return array{0: int, 1: string} Exit code and output.
 */
function civikey_tests_mariadb( string $program, string $args ): array {
	list( $host, $port ) = array_pad( explode( ':', DB_HOST, 2 ), 2, '3306' );
	$command             = sprintf( '%s --protocol=tcp -h %s -P %s -u %s %s 2>&1', $program, escapeshellarg( $host ), escapeshellarg( $port ), escapeshellarg( DB_USER ), $args );
	// The password travels in the environment, not on the command line.
	// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- the database's own client.
	$process = proc_open( $command, array( 1 => array( 'pipe', 'w' ) ), $pipes, null, array_merge( getenv(), array( 'MYSQL_PWD' => DB_PASSWORD ) ) );
	$output  = (string) stream_get_contents( $pipes[1] );
	fclose( $pipes[1] ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- a pipe.
	return array( proc_close( $process ), trim( $output ) );
}

/**
 * Puts the real CiviCRM's test database back to its state right after
 * installation, installing it first if needed.
 */
function civikey_tests_restore_real_civicrm(): void {
	list( $status, $output ) = civikey_tests_mariadb( 'mariadb', '-e ' . escapeshellarg( 'CREATE DATABASE IF NOT EXISTS `' . DB_NAME . '` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci' ) );
	if ( 0 !== $status ) {
		fwrite( STDERR, 'Cannot create the WordPress test database ' . DB_NAME . ' as ' . DB_USER . ": $output\n" );
		exit( 1 );
	}
	$pristine = CIVIKEY_TESTS_CIVICRM_DIR . '/pristine.sql';
	$stamp    = CIVIKEY_TESTS_CIVICRM_DIR . '/installed.json';
	if ( ! is_file( CIVICRM_SETTINGS_PATH ) || ! is_file( $pristine ) || ! is_file( $stamp ) || file_get_contents( $stamp ) !== civikey_tests_real_civicrm_stamp() ) { // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- local file.
		$start   = microtime( true );
		$command = escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( __FILE__ ) . ' --install-civicrm 2>&1';
		exec( $command, $output, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- the installer needs a process of its own.
		fwrite( STDOUT, implode( "\n", $output ) . "\n" );
		if ( 0 !== $status || ! is_file( $pristine ) ) {
			fwrite( STDERR, 'Installing the real CiviCRM into ' . CIVIKEY_TESTS_CIVICRM_DB_NAME . " for the tests failed (see above).\n" );
			exit( 1 );
		}
		fwrite( STDOUT, sprintf( "Installed CiviCRM for the tests in %.1f s (once; later runs restore %s).\n", microtime( true ) - $start, $pristine ) );
	}
	list( $status, $output ) = civikey_tests_mariadb( 'mariadb', escapeshellarg( CIVIKEY_TESTS_CIVICRM_DB_NAME ) . ' < ' . escapeshellarg( $pristine ) );
	if ( 0 !== $status ) {
		fwrite( STDERR, 'Restoring the CiviCRM test database ' . CIVIKEY_TESTS_CIVICRM_DB_NAME . " failed: $output\n" );
		exit( 1 );
	}
	civikey_tests_write_wp_cli_config();
}

/**
 * Deletes a folder and everything in it.
 *
 * @param string $dir Folder.
 */
function civikey_tests_remove_tree( string $dir ): void {
	if ( ! is_dir( $dir ) ) {
		return;
	}
	$items = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $dir, FilesystemIterator::SKIP_DOTS ), RecursiveIteratorIterator::CHILD_FIRST );
	foreach ( $items as $item ) {
		$item->isDir() && ! $item->isLink() ? rmdir( $item->getPathname() ) : unlink( $item->getPathname() ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_rmdir, WordPress.WP.AlternativeFunctions.unlink_unlink -- WordPress is not loaded.
	}
	rmdir( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_rmdir -- WordPress is not loaded.
}

/**
 * Empties the test CiviCRM folder before the one-time install.
 */
function civikey_tests_clear_real_civicrm_dir(): void {
	$dir = CIVIKEY_TESTS_CIVICRM_DIR;
	if ( ! is_dir( $dir ) && ! mkdir( $dir, 0775, true ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_mkdir -- WordPress is not loaded.
		fwrite( STDERR, "Cannot create $dir.\n" );
		exit( 1 );
	}
	foreach ( array( 'civicrm.settings.php', 'pristine.sql', 'installed.json' ) as $file ) {
		if ( is_file( "$dir/$file" ) ) {
			unlink( "$dir/$file" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink -- WordPress is not loaded.
		}
	}
	civikey_tests_remove_tree( "$dir/private" );
}

/**
 * A WP-CLI configuration for `wp` run by tests/php/cli (WP_CLI_CONFIG_PATH,
 * set in wp-tests-config.php). civicrm-wordpress registers its own `wp
 * civicrm` commands on WP-CLI's entity-command, which the project's bare
 * WP-CLI does not have; CiviKey's tests use none of them, so the file tells
 * civicrm-wordpress they are loaded already.
 *
 * @see civicrm-wordpress wp-cli/wp-cli-civicrm.php (CIVICRM_WPCLI_LOADED)
 */
function civikey_tests_write_wp_cli_config(): void {
	$dir = CIVIKEY_TESTS_CIVICRM_DIR;
	// phpcs:disable WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- WordPress is not loaded.
	file_put_contents( "$dir/wp-cli-skip-civicrm-commands.php", "<?php\ndefine( 'CIVICRM_WPCLI_LOADED', 1 );\n" );
	file_put_contents( "$dir/wp-cli.yml", "require:\n  - $dir/wp-cli-skip-civicrm-commands.php\n" );
	// phpcs:enable
}

/**
 * The one-time install (child process), once a fresh WordPress test site is
 * in place: what `wp civicrm core activate` does — civicrm-core's installer
 * (Civi\Setup) writes the settings file and fills the CiviCRM test database,
 * and activates the plugin — and finally a dump of that database.
 *
 * @see civicrm-core setup/src/Setup.php
 * @see civicrm-core setup/plugins/init/WordPress.civi-setup.php
 */
function civikey_tests_install_real_civicrm(): void {
	require_once ABSPATH . 'wp-admin/includes/admin.php';
	wp_set_current_user( 1 );
	$dir = CIVIKEY_TESTS_CIVICRM_DIR;

	$database                = CIVIKEY_TESTS_CIVICRM_DB_NAME;
	list( $status, $output ) = civikey_tests_mariadb( 'mariadb', '-e ' . escapeshellarg( "DROP DATABASE IF EXISTS `$database`; CREATE DATABASE `$database` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ) );
	if ( 0 !== $status ) {
		fwrite( STDERR, "Cannot create the CiviCRM test database $database as " . DB_USER . ": $output\n" );
		exit( 1 );
	}

	// Where WordPress is, before CiviCRM's settings can say it.
	$GLOBALS['civicrm_paths']['cms.root']['path'] = untrailingslashit( ABSPATH );
	require dirname( __DIR__, 2 ) . '/bin/includes/civicrm-setup.php';
	$installed = civikey_run_civicrm_setup(
		$database,
		function ( $model ) use ( $dir ) {
			// phpcs:disable WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- CiviCRM's names.
			$model->siteKey                          = CIVIKEY_STANDIN_SITE_KEY;
			$model->settingsPath                     = CIVICRM_SETTINGS_PATH;
			$model->paths['civicrm.private']['path'] = "$dir/private";
			// phpcs:enable
			// templateCompilePath stays where the installer puts it (the site's
			// uploads/civicrm/templates_c; its caches are named after the database):
			// moved, CiviCRM registered its install listeners several times over.
		}
	);
	if ( ! $installed ) {
		exit( 1 );
	}

	list( $status, $output ) = civikey_tests_mariadb( 'mariadb-dump', '--single-transaction --triggers --routines --result-file=' . escapeshellarg( "$dir/pristine.sql.part" ) . ' ' . escapeshellarg( $database ) );
	if ( 0 !== $status ) {
		fwrite( STDERR, "Dumping the CiviCRM test database failed: $output\n" );
		exit( 1 );
	}
	rename( "$dir/pristine.sql.part", "$dir/pristine.sql" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.rename_rename -- WordPress's filesystem API is overkill here.
	file_put_contents( "$dir/installed.json", civikey_tests_real_civicrm_stamp() ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- local file.
	fwrite( STDOUT, 'Installed CiviCRM ' . CRM_Utils_System::version() . " into $database (settings: " . CIVICRM_SETTINGS_PATH . ")\n" );
}
