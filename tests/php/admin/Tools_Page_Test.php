<?php
/**
 * Tests for the translations of Tools → CiviKey's scripts.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Admin;

use CiviKey\Admin\Tools_Page;
use CiviKey\Tests\Test_Case;

use const CiviKey\PLUGIN_FILE;

/**
 * WordPress finds a script's translations by the script's path in the plugin;
 * the views webpack loads later must get theirs as well.
 */
class Tools_Page_Test extends Test_Case {

	/**
	 * Translation files WordPress asked for, in order.
	 *
	 * @var array<int, string>
	 */
	private $asked_for = array();

	/**
	 * Scratch directory.
	 *
	 * @var string
	 */
	private $work = '';

	protected function set_up() {
		parent::set_up();
		$GLOBALS['wp_scripts'] = null;
		$this->work            = (string) wp_tempnam( 'civikey-l10n' );
		unlink( $this->work );
		mkdir( $this->work );
	}

	protected function tear_down() {
		$GLOBALS['wp_scripts'] = null;
		array_map( 'unlink', (array) glob( $this->work . '/*' ) );
		rmdir( $this->work );
		parent::tear_down();
	}

	public function test_the_views_loaded_later_get_their_translations_before_the_main_script() {
		if ( ! is_readable( dirname( PLUGIN_FILE ) . '/build/civikey-reports.js' ) ) {
			$this->fail( 'build/civikey-reports.js is missing: run npm run build first.' );
		}
		$this->serve_german( 'build/civikey-reports.js', array( 'Key inventory' => array( 'Schlüsselverzeichnis' ) ) );
		$this->serve_german( 'build/index.js', array( 'Keys' => array( 'Schlüssel' ) ) );

		$this->enqueue_on_our_page();

		$this->assertContains( WP_LANG_DIR . '/plugins/civikey-de_DE-' . md5( 'build/civikey-reports.js' ) . '.json', $this->asked_for );
		$scripts = wp_scripts();
		$this->assertTrue( $scripts->query( Tools_Page::SCRIPT_HANDLE, 'enqueued' ) );
		$this->assertInstanceOf( \_WP_Dependency::class, $scripts->query( 'civikey-admin-reports', 'registered' ) );
		$this->assertFalse( $scripts->query( 'civikey-admin-reports', 'enqueued' ), 'webpack loads the chunk, not WordPress' );
		$before = implode( "\n", (array) $scripts->get_data( Tools_Page::SCRIPT_HANDLE, 'before' ) );
		$this->assertStringContainsString( 'wp.i18n.setLocaleData( localeData, domain )', $before );
		$this->assertStringContainsString( 'Schl\u00fcsselverzeichnis', $before );
		$this->assertStringContainsString( '"civikey"', $before );
		// The main script's own translations are printed the usual way, with it.
		$this->assertStringContainsString( 'Schl\u00fcssel', (string) $scripts->print_translations( Tools_Page::SCRIPT_HANDLE, false ) );
		$this->assertContains( WP_LANG_DIR . '/plugins/civikey-de_DE-' . md5( 'build/index.js' ) . '.json', $this->asked_for );
	}

	public function test_without_translations_nothing_is_added() {
		add_filter( 'determine_locale', array( $this, 'german' ) );

		$this->enqueue_on_our_page();

		$before = implode( "\n", (array) wp_scripts()->get_data( Tools_Page::SCRIPT_HANDLE, 'before' ) );
		$this->assertStringNotContainsString( 'setLocaleData', $before );
		$this->assertStringContainsString( 'window.civikeyAdmin', $before );
	}

	public function test_scripts_are_named_by_their_path_in_the_plugin_wherever_they_are_served_from() {
		$page  = new Tools_Page( PLUGIN_FILE );
		$path  = (string) wp_parse_url( plugins_url( 'build/', PLUGIN_FILE ), PHP_URL_PATH );
		$cases = array(
			'https://cdn.example.org' . $path . 'index.js' => 'build/index.js',
			'https://cdn.example.org' . $path . 'civikey-reports.js?ver=1a' => 'build/civikey-reports.js',
			'https://example.org/wp-includes/js/dist/i18n.js' => false,
			'https://example.org' . $path . '../uninstall.php' => false,
		);
		foreach ( $cases as $src => $expected ) {
			$this->assertSame( $expected, $page->script_relative_path( false, $src ), $src );
		}
		$this->assertSame( 'kept', $page->script_relative_path( 'kept', 'https://example.org/other.js' ) );
	}

	/**
	 * Locale for the test.
	 *
	 * @return string
	 */
	public function german(): string {
		return 'de_DE';
	}

	/**
	 * Answers WordPress's lookup of a script's translations with a Jed file,
	 * as a language pack in wp-content/languages/plugins would.
	 *
	 * @param string                       $script   Path in the plugin.
	 * @param array<string, array<string>> $messages Translations.
	 */
	private function serve_german( string $script, array $messages ): void {
		add_filter( 'determine_locale', array( $this, 'german' ) );
		$file = $this->work . '/' . md5( $script ) . '.json';
		file_put_contents(
			$file,
			(string) wp_json_encode(
				array(
					'domain'      => 'messages',
					'locale_data' => array( 'messages' => array( '' => array( 'domain' => 'messages' ) ) + $messages ),
				)
			)
		);
		$pack = WP_LANG_DIR . '/plugins/civikey-de_DE-' . md5( $script ) . '.json';
		add_filter(
			'load_script_translation_file',
			function ( $requested ) use ( $pack, $file ) {
				$this->asked_for[] = (string) $requested;
				return $requested === $pack ? $file : $requested;
			}
		);
	}

	/**
	 * Runs the page's hooks as WordPress does on Tools → CiviKey.
	 */
	private function enqueue_on_our_page(): void {
		$this->login_as( self::factory_user( 'administrator' ) );
		$page = new Tools_Page( PLUGIN_FILE );
		$page->register();
		$page->add_page();
		// The suffix add_submenu_page() gave the page, as it worked it out.
		$page->enqueue_assets( get_plugin_page_hookname( Tools_Page::SLUG, 'tools.php' ) );
	}
}
