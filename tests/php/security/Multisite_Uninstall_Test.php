<?php
/**
 * Deleting CiviKey from a network.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Security;

use CiviKey\Schema;
use CiviKey\Tests\Test_Case;

/**
 * WordPress runs uninstall.php once, on the main site, when a network
 * administrator deletes the plugin; CiviKey's tables, options, cron event and
 * roles are per site, so it must clean every site, and still never touch
 * the keys stored in CiviCRM.
 *
 * Creating and dropping tables would end the test's transaction, so, as in
 * WordPress's own tests, they are made temporary here: a site made by the
 * test gets temporary tables that uninstall.php really drops, and for the
 * network's lasting sites the test checks that it asked to drop theirs.
 *
 * @group multisite
 */
class Multisite_Uninstall_Test extends Test_Case {

	/**
	 * Every DROP TABLE sent while the filter is on.
	 *
	 * @var array<int, string>
	 */
	private $dropped = array();

	protected function set_up() {
		parent::set_up();
		if ( ! is_multisite() ) {
			$this->markTestSkipped( 'Needs a WordPress network: run CIVIKEY_MULTISITE=1 bash bin/test-php.sh.' );
		}
	}

	protected function tear_down() {
		while ( ms_is_switched() ) {
			restore_current_blog();
		}
		parent::tear_down();
	}

	public function test_deleting_the_plugin_cleans_every_site_and_leaves_keys_alone() {
		add_filter( 'query', array( $this, 'temporary_tables' ) );
		$third = wp_insert_site(
			array(
				'domain'  => WP_TESTS_DOMAIN,
				'path'    => '/third/',
				'title'   => 'Third site',
				'user_id' => 1,
			)
		);
		$this->assertIsInt( $third );
		$sites   = array_map( 'intval', get_sites( array( 'fields' => 'ids' ) ) );
		$prefix  = array();
		$admin   = array();
		$key     = \CiviKey\Keys\Key_Policy::generate();
		$contact = $this->civicrm_contact( array( 'api_key' => $key ) );
		$this->assertCount( 3, $sites );
		foreach ( $sites as $site_id ) {
			switch_to_blog( $site_id );
			if ( $third === $site_id ) {
				// What CiviKey's first request on a new site does.
				Schema::install();
				$this->assertTrue( $this->table_exists( $GLOBALS['wpdb']->prefix . 'civikey_audit' ) );
			}
			update_option( 'civikey_stale_days', 30 );
			add_role( 'civikey_client_test', 'CiviCRM API client: test', array( 'access_ajax_api' => true ) );
			wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', 'civikey_purge_audit' );
			$prefix[ $site_id ] = $GLOBALS['wpdb']->prefix;
			$admin[ $site_id ]  = wp_json_encode( get_role( 'administrator' )->capabilities );
			$this->assertNotFalse( get_option( 'civikey_db_version' ), "Site $site_id has CiviKey installed." );
			restore_current_blog();
		}

		$this->dropped = array();
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'civikey/civikey.php' );
		}
		include CIVIKEY_TESTS_ROOT . '/uninstall.php';
		$this->assertFalse( ms_is_switched(), 'uninstall.php leaves WordPress on the site it started on.' );

		$left = array();
		foreach ( $sites as $site_id ) {
			switch_to_blog( $site_id );
			wp_cache_flush();
			wp_roles()->for_site();
			foreach ( array( 'civikey_audit', 'civikey_key_usage' ) as $table ) {
				if ( ! in_array( $prefix[ $site_id ] . $table, $this->dropped, true ) ) {
					$left[] = "site $site_id: table $table was not dropped";
				}
				if ( $third === $site_id && $this->table_exists( $prefix[ $site_id ] . $table ) ) {
					$left[] = "site $site_id: table $table is still there";
				}
			}
			foreach ( array( 'civikey_db_version', 'civikey_stale_days' ) as $option ) {
				if ( false !== get_option( $option ) ) {
					$left[] = "site $site_id: option $option";
				}
			}
			if ( null !== get_role( 'civikey_client_test' ) ) {
				$left[] = "site $site_id: role civikey_client_test";
			}
			if ( wp_next_scheduled( 'civikey_purge_audit' ) ) {
				$left[] = "site $site_id: cron event civikey_purge_audit";
			}
			if ( wp_json_encode( get_role( 'administrator' )->capabilities ) !== $admin[ $site_id ] ) {
				$left[] = "site $site_id: the administrator role changed";
			}
			restore_current_blog();
		}
		fwrite( STDERR, "\nMultisite uninstall: " . count( $sites ) . ' sites, left behind: ' . count( $left ) . "\n" );
		$this->assertSame( array(), $left );
		$this->assertSame( $key, $this->stored_key( $contact ), 'Keys stored in CiviCRM are never touched.' );

		wp_delete_site( $third );
	}

	/**
	 * Makes CREATE and DROP TABLE temporary, as WordPress's own test case
	 * does, and notes what is dropped.
	 *
	 * @param string $query SQL.
	 * @return string
	 */
	public function temporary_tables( $query ) {
		$query = trim( (string) $query );
		if ( 0 === stripos( $query, 'CREATE TABLE' ) ) {
			return substr_replace( $query, 'CREATE TEMPORARY TABLE', 0, 12 );
		}
		if ( 0 === stripos( $query, 'DROP TABLE' ) ) {
			if ( preg_match( '/^DROP TABLE (?:IF EXISTS )?`?(\w+)`?/i', $query, $table ) ) {
				$this->dropped[] = $table[1];
			}
			return substr_replace( $query, 'DROP TEMPORARY TABLE', 0, 10 );
		}
		return $query;
	}

	/**
	 * Whether a table, temporary ones included, exists.
	 *
	 * @param string $table Table.
	 * @return bool
	 */
	private function table_exists( string $table ): bool {
		global $wpdb;
		$suppressed = $wpdb->suppress_errors( true );
		$exists     = false !== $wpdb->query( "SELECT 1 FROM `$table` LIMIT 1" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- a table name made here.
		$wpdb->suppress_errors( $suppressed );
		return $exists;
	}
}
