<?php
/**
 * Wiring.
 *
 * @package CiviKey
 */

namespace CiviKey;

use CiviKey\Admin\Tools_Page;
use CiviKey\CiviCRM\Authx_Settings;
use CiviKey\CiviCRM\Contact_Directory;
use CiviKey\CiviCRM\Gateway;
use CiviKey\Keys\Key_Lock;
use CiviKey\Keys\Key_Service;
use CiviKey\REST\Connection_Controller;
use CiviKey\REST\Contact_Key_Controller;
use CiviKey\REST\Contacts_Controller;
use CiviKey\REST\Site_Key_Controller;
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
	 * Contacts and their keys.
	 *
	 * @var Contact_Directory
	 */
	private $contacts;

	/**
	 * The key lifecycle.
	 *
	 * @var Key_Service
	 */
	private $keys;

	/**
	 * Constructor.
	 *
	 * @param Gateway $gateway CiviCRM gateway.
	 */
	private function __construct( Gateway $gateway ) {
		$this->gateway  = $gateway;
		$this->contacts = new Contact_Directory( $gateway );
		$this->keys     = new Key_Service( $this->contacts, $gateway, new Key_Lock() );
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
	 * The key lifecycle, for the command line.
	 *
	 * @return Key_Service
	 */
	public function keys(): Key_Service {
		return $this->keys;
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
		$controllers = array(
			new Status_Controller( new System_Status( $this->gateway, $this->contacts ) ),
			new Contacts_Controller( $this->contacts ),
			new Contact_Key_Controller( $this->keys ),
			new Site_Key_Controller( $this->gateway, $this->contacts ),
			new Connection_Controller( $this->gateway, new Authx_Settings( $this->gateway ) ),
		);
		foreach ( $controllers as $controller ) {
			$controller->register_routes();
		}
	}
}
