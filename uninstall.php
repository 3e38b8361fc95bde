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

global $wpdb;

// The audit trail and the key-usage record.
foreach ( array( 'civikey_audit', 'civikey_key_usage' ) as $civikey_table ) {
	$wpdb->query( 'DROP TABLE IF EXISTS ' . $wpdb->prefix . $civikey_table ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared -- fixed table names.
}

// Options.
foreach ( array( 'civikey_db_version', 'civikey_audit_retention_days', 'civikey_stale_days' ) as $civikey_option ) {
	delete_option( $civikey_option );
}
wp_clear_scheduled_hook( 'civikey_purge_audit' );

// The roles CiviKey created for API clients. Users keep their other roles;
// keys stored in CiviCRM are not touched.
foreach ( array_keys( wp_roles()->roles ) as $civikey_role ) {
	if ( 0 === strpos( $civikey_role, 'civikey_client_' ) ) {
		remove_role( $civikey_role );
	}
}
