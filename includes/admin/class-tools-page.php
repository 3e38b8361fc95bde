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
		add_filter( 'load_script_textdomain_relative_path', array( $this, 'script_relative_path' ), 10, 2 );
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
		wp_set_script_translations( self::SCRIPT_HANDLE, 'civikey', $this->languages_dir() );
		$this->add_lazy_chunk_translations( $asset['version'] );
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
	 * Gives the main script the translations of the scripts it loads later.
	 *
	 * The Inventory and Audit views are in build/civikey-reports.js, which
	 * webpack loads on first use, not WordPress: WordPress would never look
	 * for its translations (one JSON file per script, named after the md5 of
	 * the script's path, build/civikey-reports.js). So each chunk is
	 * registered as a script of its own, never enqueued, only so that
	 * WordPress finds its translations the usual way (language packs in
	 * wp-content/languages/plugins, or this plugin's languages/ folder, and
	 * the filters there), and they are printed before the main script, into
	 * the same text domain.
	 *
	 * @param string $version Build version, as the main script has.
	 */
	private function add_lazy_chunk_translations( string $version ): void {
		$scripts = wp_scripts();
		foreach ( $this->lazy_chunks() as $handle => $file ) {
			$src = plugins_url( 'build/' . $file, $this->plugin_file );
			if ( '' === $src ) {
				continue;
			}
			wp_register_script( $handle, $src, array( 'wp-i18n' ), $version, array( 'in_footer' => true ) );
			wp_set_script_translations( $handle, 'civikey', $this->languages_dir() );
			$translations = $scripts->print_translations( $handle, false );
			if ( is_string( $translations ) && '' !== $translations ) {
				wp_add_inline_script( self::SCRIPT_HANDLE, $translations, 'before' );
			}
		}
	}

	/**
	 * The scripts webpack loads on demand: every build/*.js but index.js, by
	 * script handle (civikey-reports.js is `civikey-admin-reports`).
	 *
	 * @return array<non-empty-string, string> File names by handle.
	 */
	private function lazy_chunks(): array {
		$chunks = array();
		$files  = glob( plugin_dir_path( $this->plugin_file ) . 'build/*.js' );
		foreach ( false === $files ? array() : $files as $path ) {
			$file = basename( $path );
			if ( 'index.js' === $file ) {
				continue;
			}
			$name = preg_replace( '/^civikey-/', '', basename( $file, '.js' ) );
			$chunks[ self::SCRIPT_HANDLE . '-' . sanitize_key( (string) $name ) ] = $file;
		}
		return $chunks;
	}

	/**
	 * Where WordPress should look for this plugin's script translations
	 * besides wp-content/languages/plugins.
	 *
	 * @return string Directory.
	 */
	private function languages_dir(): string {
		return plugin_dir_path( $this->plugin_file ) . 'languages';
	}

	/**
	 * Names the translations of this plugin's scripts by their path in the
	 * plugin (build/index.js), whatever URL the site serves them from.
	 *
	 * WordPress works the path out from the script's URL, and gives up when
	 * the plugins folder is served from another host or path than it expects
	 * (a CDN, a custom WP_PLUGIN_URL); the translation files are named after
	 * that path, as `wp i18n make-json` writes them from the .pot's
	 * references to build/.
	 *
	 * @param string|false $relative What WordPress worked out.
	 * @param string       $src      The script's full URL.
	 * @return string|false
	 */
	public function script_relative_path( $relative, $src ) {
		$build_path = (string) wp_parse_url( plugins_url( 'build/', $this->plugin_file ), PHP_URL_PATH );
		$src_path   = (string) wp_parse_url( (string) $src, PHP_URL_PATH );
		if ( '' === $build_path || 0 !== strpos( $src_path, $build_path ) ) {
			return $relative;
		}
		$file = substr( $src_path, strlen( $build_path ) );
		return preg_match( '/^[a-z0-9-]+\.js$/', $file ) ? 'build/' . $file : $relative;
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
