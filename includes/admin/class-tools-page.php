<?php
/**
 * Tools → CiviKey.
 *
 * @package CiviKey
 */

namespace CiviKey\Admin;

use CiviKey\Access;

/**
 * Registers the screen, loads the built TypeScript app on it and nowhere
 * else, and prints the element the app mounts into.
 */
class Tools_Page {

	public const SLUG          = 'civikey';
	public const SCRIPT_HANDLE = 'civikey-admin';

	/**
	 * Hook suffix WordPress gave the page.
	 *
	 * @var string|false
	 */
	private $hook_suffix = false;

	/**
	 * Directory and URL of the plugin, for build/.
	 *
	 * @var string
	 */
	private $plugin_file;

	/**
	 * Constructor.
	 *
	 * @param string $plugin_file Main plugin file.
	 */
	public function __construct( string $plugin_file ) {
		$this->plugin_file = $plugin_file;
	}

	/**
	 * Hooks into WordPress.
	 */
	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_page' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue_assets' ) );
	}

	/**
	 * Adds Tools → CiviKey.
	 */
	public function add_page(): void {
		$this->hook_suffix = add_management_page(
			__( 'CiviKey: CiviCRM API keys', 'civikey' ),
			__( 'CiviKey', 'civikey' ),
			Access::capability(),
			self::SLUG,
			array( $this, 'render' )
		);
	}

	/**
	 * Loads the app, only on our page.
	 *
	 * @param string $hook_suffix Current admin page.
	 */
	public function enqueue_assets( $hook_suffix ): void {
		if ( ! $this->hook_suffix || $hook_suffix !== $this->hook_suffix ) {
			return;
		}
		$asset_file = plugin_dir_path( $this->plugin_file ) . 'build/index.asset.php';
		if ( ! is_readable( $asset_file ) ) {
			// A checkout without `npm run build`: say so instead of a blank page.
			return;
		}
		$asset = require $asset_file;
		wp_enqueue_script(
			self::SCRIPT_HANDLE,
			plugins_url( 'build/index.js', $this->plugin_file ),
			$asset['dependencies'],
			$asset['version'],
			array( 'in_footer' => true )
		);
		wp_set_script_translations( self::SCRIPT_HANDLE, 'civikey', plugin_dir_path( $this->plugin_file ) . 'languages' );
		// Only what the REST API cannot give: the nonce-bearing CSV download URL.
		wp_add_inline_script(
			self::SCRIPT_HANDLE,
			'window.civikeyAdmin = ' . wp_json_encode( array( 'auditCsvUrl' => Audit_Export::url() ) ) . ';',
			'before'
		);
		wp_enqueue_style( 'wp-components' );
		if ( is_readable( plugin_dir_path( $this->plugin_file ) . 'build/index.css' ) ) {
			wp_enqueue_style(
				self::SCRIPT_HANDLE,
				plugins_url( 'build/index.css', $this->plugin_file ),
				array( 'wp-components' ),
				$asset['version']
			);
			// The build writes index-rtl.css beside it for right-to-left sites.
			wp_style_add_data( self::SCRIPT_HANDLE, 'rtl', 'replace' );
		}
	}

	/**
	 * Prints the page: a heading that works without JavaScript and the element
	 * the app mounts into. The app shows the CiviCRM status, including the
	 * sentence to act on when CiviCRM is missing.
	 */
	public function render(): void {
		if ( ! Access::current_user_can_manage() ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to manage CiviCRM API keys.', 'civikey' ), 403 );
		}
		echo '<div class="wrap civikey-wrap">';
		echo '<h1 class="wp-heading-inline">' . esc_html__( 'CiviKey', 'civikey' ) . '</h1>';
		// WordPress moves admin notices to just after this line.
		echo '<hr class="wp-header-end">';
		if ( ! is_readable( plugin_dir_path( $this->plugin_file ) . 'build/index.asset.php' ) ) {
			wp_admin_notice(
				esc_html__( 'The CiviKey screen has not been built. Run "npm run build" in the plugin folder, or install a release zip.', 'civikey' ),
				array( 'type' => 'error' )
			);
		}
		echo '<div id="civikey-root"></div>';
		echo '<noscript>' . esc_html__( 'CiviKey needs JavaScript to manage keys.', 'civikey' ) . '</noscript>';
		echo '</div>';
	}
}
