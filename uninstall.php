<?php
/**
 * Runs when CiviKey is deleted from Plugins. It removes what CiviKey itself
 * stored in WordPress and never touches the keys stored in CiviCRM.
 *
 * @package CiviKey
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

$civikey_uninstall_site = static function (): void {
	global $wpdb;

	// The audit trail and the key-usage record.
	foreach ( array( 'civikey_audit', 'civikey_key_usage' ) as $table ) {
		$wpdb->query( 'DROP TABLE IF EXISTS ' . $wpdb->prefix . $table ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- fixed table names.
	}

	// Options.
	foreach ( array( 'civikey_db_version', 'civikey_audit_retention_days', 'civikey_stale_days' ) as $option ) {
		delete_option( $option );
	}
	wp_clear_scheduled_hook( 'civikey_purge_audit' );

	// The roles CiviKey created for API clients. Users keep their other roles;
	// keys stored in CiviCRM are not touched.
	foreach ( array_keys( wp_roles()->roles ) as $role ) {
		if ( 0 === strpos( $role, 'civikey_client_' ) ) {
			remove_role( $role );
		}
	}
};

if ( is_multisite() ) {
	// WordPress runs this once, on the main site, but every site of every
	// network has its own tables, options, cron and roles.
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $civikey_site_id ) {
		switch_to_blog( (int) $civikey_site_id );
		$civikey_uninstall_site();
		restore_current_blog();
	}
} else {
	$civikey_uninstall_site();
}
