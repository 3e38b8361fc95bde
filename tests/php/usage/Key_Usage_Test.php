<?php
/**
 * Tests for the last-used record and stale keys.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Usage;

use CiviKey\Audit\Audit_Log;
use CiviKey\CiviCRM\Gateway;
use CiviKey\Inventory\Inventory;
use CiviKey\Tests\Test_Case;
use CiviKey\Usage\Key_Usage;

/**
 * When a key was last used, written at most every few minutes, and only for
 * API keys AuthX accepted.
 */
class Key_Usage_Test extends Test_Case {

	public function test_uses_are_written_at_most_once_every_few_minutes() {
		$usage = new Key_Usage();
		$now   = time();

		$this->assertTrue( $usage->touch( 7, '192.0.2.1', $now ) );
		$this->assertFalse( $usage->touch( 7, '192.0.2.2', $now + 60 ) );
		$this->assertTrue( $usage->touch( 7, '192.0.2.3', $now + Key_Usage::THROTTLE_SECONDS + 1 ) );

		$recorded = $usage->for_contacts( array( 7, 8 ) );
		$this->assertSame( array( 7 ), array_keys( $recorded ) );
		$this->assertSame( '192.0.2.3', $recorded[7]['ip'] );
		$this->assertSame( gmdate( 'Y-m-d H:i:s', $now + Key_Usage::THROTTLE_SECONDS + 1 ), $recorded[7]['at'] );
	}

	/**
	 * Credentials AuthX may announce.
	 *
	 * @return array<string, array{0: string, 1: int, 2: int, 3: bool}>
	 */
	public function data_announcements(): array {
		return array(
			'accepted api key'      => array( 'api_key', 11, 200, true ),
			'api key, then refused' => array( 'api_key', 12, 401, false ),
			'password credential'   => array( 'pass', 13, 200, false ),
			'json web token'        => array( 'jwt', 14, 200, false ),
		);
	}

	/**
	 * Only accepted API keys are recorded.
	 *
	 * @dataProvider data_announcements
	 *
	 * @param string $cred_type  AuthX credential type.
	 * @param int    $contact_id Contact.
	 * @param int    $status     The request's final HTTP status.
	 * @param bool   $recorded   Whether a use is recorded.
	 */
	public function test_only_accepted_api_keys_are_recorded( string $cred_type, int $contact_id, int $status, bool $recorded ) {
		$usage    = new Key_Usage();
		$event    = (object) array(
			'target' => (object) array(
				'credType'  => $cred_type,
				'contactId' => $contact_id,
			),
		);
		$previous = http_response_code();

		$usage->on_check_policy( $event );
		http_response_code( $status );
		$usage->record_pending();
		http_response_code( $previous ? $previous : 200 );

		$this->assertSame( $recorded, array_key_exists( $contact_id, $usage->for_contacts( array( $contact_id ) ) ) );
	}

	public function test_a_real_authx_login_with_a_key_is_recorded_and_a_refused_one_is_not() {
		$key_user = self::factory_user( 'subscriber' );
		get_role( 'subscriber' )->add_cap( 'authenticate_with_api_key' );
		$accepted = $this->civicrm_contact( array( 'api_key' => 'Usedkey0123456789abcdefghijklmno' ) );
		$refused  = $this->civicrm_contact( array( 'api_key' => 'Refusedkey0123456789abcdefghijkl' ) );
		$this->link_contact_to_user( $accepted, $key_user );
		$usage = new Key_Usage();
		$usage->listen();

		$this->authx_request( 'Usedkey0123456789abcdefghijklmno' );
		$usage->record_pending();
		$this->authx_request( 'Refusedkey0123456789abcdefghijkl' );
		$usage->record_pending();
		http_response_code( 200 );

		$recorded = $usage->for_contacts( array( $accepted, $refused ) );
		$this->assertArrayHasKey( $accepted, $recorded, 'AuthX accepted this key, through civi.authx.checkPolicy.' );
		$this->assertArrayNotHasKey( $refused, $recorded, 'No linked user and no site key: the guard refused it.' );
	}

	public function test_the_contact_card_shows_when_its_key_was_last_used() {
		$this->login_as( self::factory_user( 'administrator' ) );
		$used  = $this->civicrm_contact( array( 'api_key' => 'Cardkey0123456789abcdefghijklmno' ) );
		$never = $this->civicrm_contact( array( 'api_key' => 'Nevercardkey0123456789abcdefghij' ) );
		( new Key_Usage() )->touch( $used, '192.0.2.44' );

		$card  = $this->rest( 'GET', "/civikey/v1/contacts/$used" )->get_data();
		$other = $this->rest( 'GET', "/civikey/v1/contacts/$never" )->get_data();

		$this->assertSame( '192.0.2.44', $card['key']['last_used']['ip'] );
		$this->assertNull( $other['key']['last_used'] );
	}

	public function test_inventory_shows_last_use_and_flags_stale_keys() {
		$this->login_as( self::factory_user( 'administrator' ) );
		$fresh = $this->civicrm_contact( array( 'api_key' => 'Freshkey0123456789abcdefghijklmn' ) );
		$stale = $this->civicrm_contact( array( 'api_key' => 'Stalekey0123456789abcdefghijklmn' ) );
		$never = $this->civicrm_contact( array( 'api_key' => 'Neverkey0123456789abcdefghijklmn' ) );
		$usage = new Key_Usage();
		$usage->touch( $fresh, '192.0.2.9' );
		$usage->touch( $stale, '192.0.2.8', time() - 200 * DAY_IN_SECONDS );
		global $wpdb;
		$audit = new Audit_Log();
		$entry = $audit->record( 'key_set', $never );
		$wpdb->update( Audit_Log::table(), array( 'created_at' => gmdate( 'Y-m-d H:i:s', time() - 100 * DAY_IN_SECONDS ) ), array( 'id' => $entry ) );

		$rows = array_column( ( new Inventory( new Gateway(), $usage, $audit ) )->page( 1, 50 )['items'], null, 'id' );

		$this->assertSame( '192.0.2.9', $rows[ $fresh ]['last_used']['ip'] );
		$this->assertNotContains( 'stale', $rows[ $fresh ]['problems'] );
		$this->assertContains( 'stale', $rows[ $stale ]['problems'] );
		$this->assertContains( 'stale', $rows[ $never ]['problems'], 'Set 100 days ago and never used.' );
		$this->assertNull( $rows[ $never ]['last_used'] );

		update_option( Key_Usage::STALE_OPTION, 365 );
		$rows = array_column( ( new Inventory( new Gateway(), $usage, $audit ) )->page( 1, 50 )['items'], null, 'id' );
		$this->assertNotContains( 'stale', $rows[ $stale ]['problems'] );
		$this->assertNotContains( 'stale', $rows[ $never ]['problems'] );
	}

	/**
	 * Sends a key to civicrm/authx/id the way an integration would, answered
	 * by the CiviCRM in this run.
	 *
	 * @param string $key API key.
	 */
	private function authx_request( string $key ): void {
		$this->route_loopback_to_civicrm();
		$response = wp_remote_get( home_url( '/civicrm/authx/id' ), array( 'headers' => array( 'X-Civi-Auth' => 'Bearer ' . $key ) ) );
		// What AuthX answered is what the real request would end with.
		http_response_code( (int) wp_remote_retrieve_response_code( $response ) );
	}
}
