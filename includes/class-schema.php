<?php
/**
 * CiviKey's own tables.
 *
 * @package CiviKey
 */

namespace CiviKey;

use CiviKey\Audit\Audit_Log;
use CiviKey\Usage\Key_Usage;

/**
 * Creates and upgrades the audit and key-usage tables with dbDelta. CiviKey
 * keeps nothing in CiviCRM's tables.
 */
final class Schema {

	public const VERSION        = '3';
	public const VERSION_OPTION = 'civikey_db_version';

	/**
	 * Creates or upgrades the tables.
	 */
	public static function install(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$charset = $wpdb->get_charset_collate();
		dbDelta( array( Audit_Log::schema( $charset ), Key_Usage::schema( $charset ) ) );
		update_option( self::VERSION_OPTION, self::VERSION, false );
	}

	/**
	 * Installs when this version of the plugin has not yet (upgrades do not
	 * run the activation hook).
	 */
	public static function maybe_install(): void {
		if ( get_option( self::VERSION_OPTION ) !== self::VERSION ) {
			self::install();
		}
	}

	/**
	 * Every table, for uninstall.
	 *
	 * @return array<int, string>
	 */
	public static function tables(): array {
		return array( Audit_Log::table(), Key_Usage::table() );
	}
}
