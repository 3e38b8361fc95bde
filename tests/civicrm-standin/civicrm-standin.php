<?php
/**
 * Plugin Name:       CiviCRM stand-in (test double)
 * Description:       TEST DOUBLE for CiviKey's dev/test stack ONLY. Imitates the few parts of CiviCRM's in-process PHP API that CiviKey uses (civicrm_initialize, civicrm_api4 for Contact/Email/UFMatch/Setting/Extension, AuthX's civicrm/authx/id). Never ship it, never load it in production; it is not part of the CiviKey plugin zip.
 * Version:           0.1.0
 * Requires PHP:      8.2
 * Author:            CiviKey contributors
 * License:           GPL-2.0-or-later
 *
 * ============================================================================
 *  TEST DOUBLE — NOT FOR PRODUCTION.
 *
 *  This plugin exists so that CiviKey's PHPUnit tests and its local
 *  development stack can run without a real CiviCRM. It follows
 *  civicrm-core's behaviour where CiviKey depends on it (every rule cites the
 *  civicrm-core or civicrm-wordpress file it imitates), but it is a small
 *  imitation: no ACL groups, no hooks, no custom fields, no APIv3.
 *
 *  - It is never shipped: it lives under tests/ and is excluded from the zip.
 *  - It must never be active on a real site, and never next to the real
 *    CiviCRM plugin (both define civicrm_initialize()).
 *  - It writes civicrm_* tables into the WordPress database through its own
 *    mysqli connection, like real CiviCRM does.
 * ============================================================================
 *
 * Test switches (WordPress options, read once at plugin load):
 * - `civicrm_standin_mode`: `ready` (default) | `not_installed` | `failing`.
 * - `civicrm_standin_authx_status`: `installed` (default) | `disabled` | `uninstalled`.
 * - `civicrm_standin_sync_users`: `yes` (default) | `no` — create a contact for
 *   WordPress users like civicrm-wordpress does.
 *
 * @package CiviCRM_Standin
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

if ( function_exists( 'civicrm_initialize' ) ) {
	// The real CiviCRM plugin (or a second copy of this one) is already loaded.
	// Loading on top of it would redeclare functions; stay out of the way.
	return;
}

define( 'CIVICRM_STANDIN_FILE', __FILE__ );
define( 'CIVICRM_STANDIN_DIR', __DIR__ );

// The stand-in's own machinery. Classes that carry real CiviCRM names are
// loaded later, by civicrm_initialize(), because real CiviCRM only makes them
// available once it has been initialised (see Plugin::load_civicrm_classes()).
require_once __DIR__ . '/src/class-mode.php';
require_once __DIR__ . '/src/class-database-error.php';
require_once __DIR__ . '/src/class-database.php';
require_once __DIR__ . '/src/class-schema.php';
require_once __DIR__ . '/src/class-site-key.php';
require_once __DIR__ . '/src/class-permissions.php';
require_once __DIR__ . '/src/class-session.php';
require_once __DIR__ . '/src/class-user-sync.php';
require_once __DIR__ . '/src/class-settings.php';
require_once __DIR__ . '/src/class-extensions.php';
require_once __DIR__ . '/src/entities/class-entity.php';
require_once __DIR__ . '/src/entities/class-contact-entity.php';
require_once __DIR__ . '/src/entities/class-email-entity.php';
require_once __DIR__ . '/src/entities/class-uf-match-entity.php';
require_once __DIR__ . '/src/query/class-sql-expression.php';
require_once __DIR__ . '/src/query/class-clause-builder.php';
require_once __DIR__ . '/src/query/class-select-query.php';
require_once __DIR__ . '/src/query/class-array-query.php';
require_once __DIR__ . '/src/actions/class-action.php';
require_once __DIR__ . '/src/actions/class-dao-get-action.php';
require_once __DIR__ . '/src/actions/class-dao-write-action.php';
require_once __DIR__ . '/src/actions/class-dao-create-action.php';
require_once __DIR__ . '/src/actions/class-dao-update-action.php';
require_once __DIR__ . '/src/actions/class-dao-delete-action.php';
require_once __DIR__ . '/src/actions/class-get-fields-action.php';
require_once __DIR__ . '/src/actions/class-setting-get-action.php';
require_once __DIR__ . '/src/actions/class-setting-set-action.php';
require_once __DIR__ . '/src/actions/class-extension-get-action.php';
require_once __DIR__ . '/src/writers/class-record-writer.php';
require_once __DIR__ . '/src/writers/class-contact-writer.php';
require_once __DIR__ . '/src/writers/class-email-writer.php';
require_once __DIR__ . '/src/writers/class-uf-match-writer.php';
require_once __DIR__ . '/src/class-kernel.php';
require_once __DIR__ . '/src/class-event-dispatcher.php';
require_once __DIR__ . '/src/class-check-policy-event.php';
require_once __DIR__ . '/src/class-authx-rejection.php';
require_once __DIR__ . '/src/class-authx-ignored-credential.php';
require_once __DIR__ . '/src/class-authenticator.php';
require_once __DIR__ . '/src/class-authx-endpoint.php';
require_once __DIR__ . '/src/class-plugin.php';

/*
 * civicrm.php (civicrm-wordpress) defines CIVICRM_INSTALLED while the plugin
 * loads: TRUE when civicrm.settings.php exists. The stand-in has no settings
 * file; the mode switch decides.
 *
 * @see civicrm-wordpress civicrm.php ("Test if CiviCRM is installed")
 */
define( 'CIVICRM_INSTALLED', CiviCRM_Standin\Mode::current() !== CiviCRM_Standin\Mode::NOT_INSTALLED );

// Declared inside a block so PHP does not hoist it above the guard at the top.
if ( ! function_exists( 'civicrm_initialize' ) ) {
	/**
	 * Initialises CiviCRM; returns whether it is usable.
	 *
	 * Like civicrm-wordpress, this function exists whether or not CiviCRM is
	 * installed, while civicrm_api4() and the CRM_* classes only exist once it
	 * has returned TRUE.
	 *
	 * @see civicrm-wordpress includes/civicrm.functions.php civicrm_initialize()
	 * @see civicrm-wordpress includes/civicrm.admin.php CiviCRM_For_WordPress_Admin::initialize()
	 *
	 * @return bool
	 */
	function civicrm_initialize() {
		return CiviCRM_Standin\Plugin::initialize();
	}
}

CiviCRM_Standin\Plugin::boot();
