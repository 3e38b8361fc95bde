<?php
/**
 * Wiring.
 *
 * @package CiviKey
 */

namespace CiviKey;

use CiviKey\Admin\Tools_Page;
use CiviKey\CiviCRM\Gateway;
use CiviKey\REST\Status_Controller;

/**
 * Builds the services once and hooks them into WordPress. This is the only
 * place that knows how the pieces fit together.
 */
final class Plugin {

	/**
	 * The running instance.
	 *
	 * @var Plugin|null
	 */
	private static $instance = null;

	/**
	 * CiviCRM gateway shared by every part.
	 *
	 * @var Gateway
	 */
	private $gateway;

	/**
	 * Constructor.
	 *
	 * @param Gateway $gateway CiviCRM gateway.
	 */
	private function __construct( Gateway $gateway ) {
		$this->gateway = $gateway;
	}

	/**
	 * Starts the plugin; runs on plugins_loaded.
	 */
	public static function boot(): void {
		if ( null !== self::$instance ) {
			return;
		}
		self::$instance = new self( new Gateway() );
		self::$instance->register_hooks();
	}

	/**
	 * The running instance, for tests and the CLI.
	 *
	 * @return Plugin|null
	 */
	public static function instance(): ?Plugin {
		return self::$instance;
	}

	/**
	 * The CiviCRM gateway.
	 *
	 * @return Gateway
	 */
	public function gateway(): Gateway {
		return $this->gateway;
	}

	/**
	 * Registers every hook CiviKey uses.
	 */
	private function register_hooks(): void {
		add_action( 'init', array( $this, 'load_textdomain' ) );
		( new Tools_Page( PLUGIN_FILE ) )->register();
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Loads translations shipped in languages/ (WordPress.org language packs
	 * take precedence automatically).
	 */
	public function load_textdomain(): void {
		load_plugin_textdomain( 'civikey', false, dirname( plugin_basename( PLUGIN_FILE ) ) . '/languages' );
	}

	/**
	 * Registers the REST routes.
	 */
	public function register_routes(): void {
		( new Status_Controller( new System_Status( $this->gateway ) ) )->register_routes();
	}
}
