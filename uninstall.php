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

// CiviKey stores nothing yet; options, the audit table and the role it
// creates are removed here as they are introduced.
