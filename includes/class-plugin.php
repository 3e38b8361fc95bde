<?php
/**
 * Wiring.
 *
 * @package CiviKey
 */

namespace CiviKey;

use CiviKey\Admin\Audit_Export;
use CiviKey\Admin\Site_Health;
use CiviKey\Admin\Tools_Page;
use CiviKey\Audit\Audit_Log;
use CiviKey\CLI\Command;
use CiviKey\CLI\Connect_Command;
use CiviKey\CiviCRM\Authx_Settings;
use CiviKey\CiviCRM\Contact_Directory;
use CiviKey\CiviCRM\Gateway;
use CiviKey\Integrations\Integration_Planner;
use CiviKey\Integrations\Integration_Setup;
use CiviKey\Inventory\Inventory;
use CiviKey\Usage\Key_Usage;
use CiviKey\Keys\Key_Lock;
use CiviKey\Keys\Key_Service;
use CiviKey\Keys\Key_Tester;
use CiviKey\Permissions\Report_Builder;
use CiviKey\Permissions\Role_Grant;
use CiviKey\Permissions\Role_Manager;
use CiviKey\Permissions\Service_User;
use CiviKey\REST\Access_Controller;
use CiviKey\REST\Audit_Controller;
use CiviKey\REST\Integrations_Controller;
use CiviKey\REST\Inventory_Controller;
use CiviKey\REST\Site_Health_Controller;
use CiviKey\REST\Connection_Controller;
use CiviKey\REST\Contact_Key_Controller;
use CiviKey\REST\Contacts_Controller;
use CiviKey\REST\Key_Test_Controller;
use CiviKey\REST\Site_Key_Controller;
use CiviKey\REST\Status_Controller;

/**
 * Builds the services once and hooks them into WordPress. This is the only
 * place that knows how the pieces fit together; the REST routes and the
 * command line share the same services.
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
	 * AuthX state and settings.
	 *
	 * @var Authx_Settings
	 */
	private $authx;

	/**
	 * The key lifecycle.
	 *
	 * @var Key_Service
	 */
	private $keys;

	/**
	 * The audit trail.
	 *
	 * @var Audit_Log
	 */
	private $audit;

	/**
	 * Every key on the site.
	 *
	 * @var Inventory
	 */
	private $inventory;

	/**
	 * When keys were last used.
	 *
	 * @var Key_Usage
	 */
	private $usage;

	/**
	 * The Site Health test, shared by its registration and its REST route.
	 *
	 * @var Site_Health
	 */
	private $health;

	/**
	 * Constructor.
	 *
	 * @param Gateway $gateway CiviCRM gateway.
	 */
	private function __construct( Gateway $gateway ) {
		$this->gateway   = $gateway;
		$this->usage     = new Key_Usage();
		$this->contacts  = new Contact_Directory( $gateway, $this->usage );
		$this->authx     = new Authx_Settings( $gateway );
		$this->keys      = new Key_Service( $this->contacts, $gateway, new Key_Lock() );
		$this->audit     = new Audit_Log();
		$this->inventory = new Inventory( $gateway, $this->usage, $this->audit );
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
	 * Runs when the plugin is activated.
	 */
	public static function activate(): void {
		Schema::install();
		Audit_Log::schedule_purge();
	}

	/**
	 * Runs when the plugin is deactivated.
	 */
	public static function deactivate(): void {
		wp_clear_scheduled_hook( Audit_Log::PURGE_HOOK );
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
	 * The audit trail.
	 *
	 * @return Audit_Log
	 */
	public function audit(): Audit_Log {
		return $this->audit;
	}

	/**
	 * The permission report builder.
	 *
	 * @return Report_Builder
	 */
	public function reports(): Report_Builder {
		return new Report_Builder( $this->contacts, $this->authx, $this->gateway );
	}

	/**
	 * Gives roles to service users.
	 *
	 * @return Role_Grant
	 */
	private function role_grant(): Role_Grant {
		return new Role_Grant( $this->contacts, new Role_Manager() );
	}

	/**
	 * Plans guided setups.
	 *
	 * @return Integration_Planner
	 */
	private function planner(): Integration_Planner {
		return new Integration_Planner( $this->contacts, new Service_User( $this->contacts ), $this->role_grant() );
	}

	/**
	 * Runs guided setups.
	 *
	 * @param Integration_Planner $planner The planner the setup's callers show plans from.
	 * @return Integration_Setup
	 */
	private function integration_setup( Integration_Planner $planner ): Integration_Setup {
		return new Integration_Setup( $planner, $this->contacts, new Service_User( $this->contacts ), $this->role_grant(), new Role_Manager(), $this->keys, $this->audit );
	}

	/**
	 * Registers every hook CiviKey uses.
	 */
	private function register_hooks(): void {
		add_action( 'init', array( $this, 'load_textdomain' ) );
		// Upgrades do not run the activation hook; this keeps the table current.
		add_action( 'admin_init', array( Schema::class, 'maybe_install' ) );
		add_action( 'rest_api_init', array( Schema::class, 'maybe_install' ), 5 );
		$this->usage->register();
		( new Tools_Page( PLUGIN_FILE ) )->register();
		( new Audit_Export( $this->audit ) )->register();
		$this->health = new Site_Health( $this->inventory, $this->gateway );
		$this->health->register();
		add_action( Audit_Log::PURGE_HOOK, array( $this->audit, 'purge' ) );
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_action( 'civikey_key_changed', array( $this, 'record_key_change' ), 10, 2 );
		if ( defined( 'WP_CLI' ) && constant( 'WP_CLI' ) && class_exists( 'WP_CLI' ) ) {
			\WP_CLI::add_command( 'civikey', new Command( $this->keys, $this->reports(), $this->inventory, $this->audit ) );
			$planner = $this->planner();
			\WP_CLI::add_command( 'civikey connect', new Connect_Command( $planner, $this->integration_setup( $planner ), $this->reports() ) );
		}
	}

	/**
	 * Loads translations shipped in languages/ (WordPress.org language packs
	 * take precedence automatically).
	 */
	public function load_textdomain(): void {
		load_plugin_textdomain( 'civikey', false, dirname( plugin_basename( PLUGIN_FILE ) ) . '/languages' );
	}

	/**
	 * Audit entry for a key change.
	 *
	 * @param string $action     set, rotate or revoke.
	 * @param int    $contact_id Contact ID.
	 */
	public function record_key_change( string $action, int $contact_id ): void {
		$this->audit->record( 'key_' . $action, $contact_id );
	}

	/**
	 * Registers the REST routes.
	 */
	public function register_routes(): void {
		$planner     = $this->planner();
		$controllers = array(
			new Status_Controller( new System_Status( $this->gateway, $this->contacts, $this->authx ) ),
			new Contacts_Controller( $this->contacts ),
			new Contact_Key_Controller( $this->keys ),
			new Site_Key_Controller( $this->gateway, $this->contacts ),
			new Connection_Controller( $this->gateway, $this->authx ),
			new Access_Controller( $this->reports(), new Service_User( $this->contacts ), $this->role_grant(), $this->audit ),
			new Integrations_Controller( $planner, $this->integration_setup( $planner ) ),
			new Key_Test_Controller( new Key_Tester( $this->gateway ), $this->audit, $this->contacts ),
			new Inventory_Controller( $this->inventory, $this->keys ),
			new Audit_Controller( $this->audit ),
			new Site_Health_Controller( $this->health ),
		);
		foreach ( $controllers as $controller ) {
			$controller->register_routes();
		}
	}
}
