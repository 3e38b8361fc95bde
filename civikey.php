<?php
/**
 * Plugin Name:       CiviKey
 * Plugin URI:        https://github.com/civikey/civikey
 * Description:       Give a CiviCRM contact a REST API key safely, and see at once whether that key will work.
 * Version:           0.1.0
 * Requires at least: 6.6
 * Requires PHP:      7.4
 * Author:            CiviKey contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       civikey
 * Domain Path:       /languages
 *
 * @package CiviKey
 */

namespace CiviKey;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const VERSION     = '0.1.0';
const PLUGIN_FILE = __FILE__;

require_once __DIR__ . '/includes/class-autoloader.php';
Autoloader::register( __NAMESPACE__, __DIR__ . '/includes' );

// CiviCRM's plugin defines civicrm_initialize() while WordPress loads plugins;
// starting on plugins_loaded lets us see it whatever the load order.
add_action( 'plugins_loaded', array( Plugin::class, 'boot' ) );
register_activation_hook( __FILE__, array( Plugin::class, 'activate' ) );
register_deactivation_hook( __FILE__, array( Plugin::class, 'deactivate' ) );
