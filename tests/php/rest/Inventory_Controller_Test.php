<?php
/**
 * Tests for the inventory, bulk revoke, audit routes, CSV export, retention
 * and the Site Health test.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\REST;

use CiviKey\Admin\Audit_Export;
use CiviKey\Admin\Site_Health;
use CiviKey\Audit\Audit_Log;
use CiviKey\CiviCRM\Gateway;
use CiviKey\Inventory\Inventory;
use CiviKey\Tests\Counting_Gateway;
use CiviKey\Tests\Test_Case;

/**
 * Every key on the site, its problems, and what is recorded about it.
 */
class Inventory_Controller_Test extends Test_Case {

	private const GOOD = 'Goodkey0123456789abcdefghijklmno';

	protected function set_up() {
		parent::set_up();
		$this->login_as( self::factory_user( 'administrator' ) );
		$this->assertSame( 0, $this->inventory_total(), 'An earlier test left keyed contacts behind.' );
	}

	public function test_every_problem_is_flagged() {
		$admin_user = self::factory_user( 'administrator' );
		$api_user   = self::factory_user( 'subscriber' );
		$ids        = array(
			'good'          => $this->keyed( self::GOOD, $api_user ),
			'short'         => $this->keyed( 'Short12345', self::factory_user( 'subscriber' ) ),
			'characters'    => $this->keyed( 'Has+slash/and=signs0123456789', self::factory_user( 'subscriber' ) ),
			'duplicate_a'   => $this->keyed( 'Dupkey0123456789abcdefghijklmnop', self::factory_user( 'subscriber' ) ),
			'duplicate_b'   => $this->keyed( 'DUPKEY0123456789ABCDEFGHIJKLMNOP', self::factory_user( 'subscriber' ) ),
			'no_user'       => $this->civicrm_contact( array( 'api_key' => 'Nouserkey0123456789abcdefghijklm' ) ),
			'administrator' => $this->keyed( 'Adminkey0123456789abcdefghijklmn', $admin_user ),
			'deleted'       => $this->civicrm_contact(
				array(
					'api_key'    => 'Trashedkey0123456789abcdefghijkl',
					'is_deleted' => true,
				)
			),
			'missing_user'  => $this->keyed( 'Missinguser0123456789abcdefghijk', 987654321 ),
		);

		$response = $this->rest( 'GET', '/civikey/v1/inventory', array( 'per_page' => 50 ) );
		$rows     = array_column( $response->get_data(), null, 'id' );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( '9', $response->get_headers()['X-WP-Total'] );
		$this->assertSame( array(), $rows[ $ids['good'] ]['problems'] );
		$this->assertContains( 'short', $rows[ $ids['short'] ]['problems'] );
		$this->assertContains( 'characters', $rows[ $ids['characters'] ]['problems'] );
		$this->assertContains( 'duplicate', $rows[ $ids['duplicate_a'] ]['problems'] );
		$this->assertContains( 'duplicate', $rows[ $ids['duplicate_b'] ]['problems'] );
		$this->assertSame( array( 'no_user' ), $rows[ $ids['no_user'] ]['problems'] );
		$this->assertSame( array( 'administrator' ), $rows[ $ids['administrator'] ]['problems'] );
		$this->assertContains( 'deleted_contact', $rows[ $ids['deleted'] ]['problems'] );
		$this->assertSame( array( 'missing_user' ), $rows[ $ids['missing_user'] ]['problems'] );
		$this->assertSame( 32, $rows[ $ids['good'] ]['key']['length'] );
		$this->assertStringNotContainsString( self::GOOD, (string) wp_json_encode( $response->get_data() ) );

		$filtered = $this->rest( 'GET', '/civikey/v1/inventory', array( 'problem' => 'duplicate' ) );
		$this->assertEqualsCanonicalizing( array( $ids['duplicate_a'], $ids['duplicate_b'] ), array_column( $filtered->get_data(), 'id' ) );
		$any = $this->rest( 'GET', '/civikey/v1/inventory', array( 'problem' => 'any' ) );
		$this->assertSame( '8', $any->get_headers()['X-WP-Total'] );
	}

	public function test_civicrm_calls_per_page_do_not_grow_with_page_size() {
		for ( $i = 0; $i < 12; $i++ ) {
			$this->keyed( 'Pagekey' . str_pad( (string) $i, 25, 'x' ), self::factory_user( 'subscriber' ) );
		}
		$calls = array();
		foreach ( array( 3, 6, 12 ) as $per_page ) {
			$gateway = new Counting_Gateway();
			$page    = ( new Inventory( $gateway ) )->page( 1, $per_page );
			$this->assertCount( $per_page, $page['items'] );
			$calls[] = $gateway->calls;
		}

		$this->assertSame( array( 3, 3, 3 ), $calls, 'Keyed contacts, duplicates, linked users: three calls per page.' );
	}

	public function test_bulk_revoke_revokes_each_and_records_each() {
		$first  = $this->civicrm_contact( array( 'api_key' => 'Bulkone0123456789abcdefghijklmno' ) );
		$second = $this->civicrm_contact( array( 'api_key' => 'Bulktwo0123456789abcdefghijklmno' ) );
		$none   = $this->civicrm_contact();

		$response = $this->rest( 'POST', '/civikey/v1/inventory/revoke', array( 'contact_ids' => array( $first, $second, $none ) ) );
		$results  = array_column( $response->get_data(), null, 'contact_id' );

		$this->assertSame( 200, $response->get_status() );
		$this->assertTrue( $results[ $first ]['revoked'] );
		$this->assertTrue( $results[ $second ]['revoked'] );
		$this->assertFalse( $results[ $none ]['revoked'] );
		$this->assertSame( 'civikey_no_key', $results[ $none ]['code'] );
		$this->assertNull( $this->stored_key( $first ) );
		$this->assertNull( $this->stored_key( $second ) );

		$audit = $this->rest( 'GET', '/civikey/v1/audit', array( 'per_page' => 10 ) )->get_data();
		$this->assertSame( array( $second, $first ), array_slice( array_column( $audit, 'contact_id' ), 0, 2 ) );
		$this->assertSame( 'key_revoke', $audit[0]['action'] );
	}

	public function test_bulk_revoke_refuses_bad_input() {
		$this->assertSame( 400, $this->rest( 'POST', '/civikey/v1/inventory/revoke', array( 'contact_ids' => array() ) )->get_status() );
		$this->assertSame( 400, $this->rest( 'POST', '/civikey/v1/inventory/revoke', array( 'contact_ids' => array( -1 ) ) )->get_status() );
		$this->assertSame( 400, $this->rest( 'POST', '/civikey/v1/inventory/revoke', array( 'contact_ids' => 'all' ) )->get_status() );
	}

	public function test_audit_csv_escapes_formulas_and_quotes() {
		$audit = new Audit_Log();
		$audit->record( 'key_set', 5, array( 'note' => '=HYPERLINK("http://evil")' ) );
		$stream = fopen( 'php://memory', 'w+' );

		( new Audit_Export( $audit ) )->write( $stream );
		rewind( $stream );
		$rows = array();
		$row  = fgetcsv( $stream, 0, ',', '"', '\\' );
		while ( false !== $row ) {
			$rows[] = $row;
			$row    = fgetcsv( $stream, 0, ',', '"', '\\' );
		}

		$this->assertSame( 'id', $rows[0][0] );
		$this->assertSame( 'key_set', $rows[1][5] );
		$this->assertSame( '{"note":"=HYPERLINK(\"http:\/\/evil\")"}', $rows[1][8] );
		$this->assertSame( "'=SUM(A1)", Audit_Export::cell( '=SUM(A1)' ) );
		$this->assertSame( "'+1", Audit_Export::cell( '+1' ) );
		$this->assertSame( "'@x", Audit_Export::cell( '@x' ) );
		$this->assertSame( 'plain', Audit_Export::cell( 'plain' ) );
	}

	public function test_audit_never_stores_secret_details() {
		$audit = new Audit_Log();
		$id    = $audit->record(
			'key_set',
			5,
			array(
				'key'    => 'Secretkey0123456789',
				'nested' => array( 'api_key' => 'Secretkey0123456789' ),
				'length' => 32,
			)
		);

		$entry = $audit->entries( array( 'per_page' => 1 ) )['items'][0];

		$this->assertSame( $id, $entry['id'] );
		$this->assertSame(
			array(
				'nested' => array(),
				'length' => 32,
			),
			$entry['details']
		);
	}

	public function test_retention_purges_old_entries_only() {
		global $wpdb;
		$audit = new Audit_Log();
		$old   = $audit->record( 'key_set', 1 );
		$new   = $audit->record( 'key_set', 2 );
		$wpdb->update( Audit_Log::table(), array( 'created_at' => gmdate( 'Y-m-d H:i:s', time() - 40 * DAY_IN_SECONDS ) ), array( 'id' => $old ) );
		update_option( Audit_Log::RETENTION_OPTION, 30 );

		$deleted = $audit->purge();
		$ids     = array_column( $audit->entries( array( 'per_page' => 100 ) )['items'], 'id' );

		$this->assertSame( 1, $deleted );
		$this->assertNotContains( $old, $ids );
		$this->assertContains( $new, $ids );
	}

	public function test_site_health_passes_without_problems_and_flags_them_otherwise() {
		$health = new Site_Health( new Inventory( new Gateway() ), new Gateway() );
		$this->assertSame( 'good', $health->result()['status'] );

		$this->civicrm_contact( array( 'api_key' => 'Dupkey0123456789abcdefghijklmnop' ) );
		$this->civicrm_contact( array( 'api_key' => 'Dupkey0123456789abcdefghijklmnop' ) );
		$result = ( new Site_Health( new Inventory( new Gateway() ), new Gateway() ) )->result();

		$this->assertSame( 'critical', $result['status'] );
		$this->assertStringContainsString( 'Same key on several contacts: 2', $result['description'] );
		$this->assertStringContainsString( 'tools.php?page=civikey', $result['actions'] );
	}

	public function test_site_health_route_and_registration() {
		$tests = apply_filters( 'site_status_tests', array( 'async' => array() ) ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress's own filter.

		$this->assertArrayHasKey( 'civikey_api_keys', $tests['async'] );
		$this->assertSame( 200, $this->rest( 'GET', '/civikey/v1/site-health' )->get_status() );
		$this->login_as( self::factory_user( 'subscriber' ) );
		$this->assertSame( 403, $this->rest( 'GET', '/civikey/v1/site-health' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/civikey/v1/inventory' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/civikey/v1/audit' )->get_status() );
	}

	/**
	 * A keyed contact linked to a user.
	 *
	 * @param string $key     Key.
	 * @param int    $user_id User ID (may not exist).
	 * @return int Contact ID.
	 */
	private function keyed( string $key, int $user_id ): int {
		$contact_id = $this->civicrm_contact( array( 'api_key' => $key ) );
		$this->link_contact_to_user( $contact_id, $user_id );
		return $contact_id;
	}

	/**
	 * How many keyed contacts CiviCRM holds.
	 *
	 * @return int
	 */
	private function inventory_total(): int {
		$page = ( new Inventory( new Gateway() ) )->page( 1, 1 );
		return is_array( $page ) ? $page['total'] : -1;
	}
}
