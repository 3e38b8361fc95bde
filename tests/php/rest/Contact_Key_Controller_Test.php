<?php
/**
 * Tests for PUT and DELETE /civikey/v1/contacts/{id}/key.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\REST;

use CiviKey\CiviCRM\Contact_Directory;
use CiviKey\CiviCRM\Gateway;
use CiviKey\Keys\Key_Lock;
use CiviKey\Keys\Key_Service;
use CiviKey\REST\Contact_Key_Controller;
use CiviKey\Tests\Test_Case;
use WP_REST_Request;

/**
 * Setting, rotating and revoking keys, checked against what CiviCRM stores.
 */
class Contact_Key_Controller_Test extends Test_Case {

	private const KEY       = 'Abcdefghijklmnopqrstuvwxyz012345';
	private const OTHER_KEY = 'Zyxwvutsrqponmlkjihgfedcba987654';

	/**
	 * Administrator, logged in for most tests.
	 *
	 * @var int
	 */
	private $admin;

	protected function set_up() {
		parent::set_up();
		$this->admin = self::factory_user( 'administrator' );
		$this->login_as( $this->admin );
	}

	public function test_setting_a_key_stores_it_in_civicrm_and_answers_without_it() {
		$contact_id = $this->civicrm_contact();

		$response = $this->put_key( $contact_id, array( 'key' => self::KEY ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'set', $response->get_data()['action'] );
		$this->assertSame( 'set', $response->get_data()['contact']['key']['status'] );
		$this->assertSame(
			array(
				'last4'  => '2345',
				'length' => 32,
			),
			$response->get_data()['contact']['key']['fingerprint']
		);
		$this->assertSame( self::KEY, $this->stored_key( $contact_id ) );
		$this->assertStringNotContainsString( self::KEY, (string) wp_json_encode( $response->get_data() ) );
		$this->assertStringContainsString( 'no-store', $response->get_headers()['Cache-Control'] );
	}

	public function test_replacing_a_key_needs_explicit_confirmation() {
		$contact_id = $this->civicrm_contact( array( 'api_key' => self::KEY ) );

		$refused = $this->put_key( $contact_id, array( 'key' => self::OTHER_KEY ) );

		$this->assertSame( 409, $refused->get_status() );
		$this->assertSame( 'civikey_key_exists', $refused->get_data()['code'] );
		$this->assertSame( self::KEY, $this->stored_key( $contact_id ) );

		$rotated = $this->put_key(
			$contact_id,
			array(
				'key'     => self::OTHER_KEY,
				'replace' => true,
			)
		);

		$this->assertSame( 200, $rotated->get_status() );
		$this->assertSame( 'rotate', $rotated->get_data()['action'] );
		$this->assertSame( self::OTHER_KEY, $this->stored_key( $contact_id ) );
	}

	public function test_a_key_held_by_another_contact_is_refused_without_naming_it() {
		$holder     = $this->civicrm_contact( array( 'api_key' => self::KEY ) );
		$contact_id = $this->civicrm_contact();

		$response = $this->put_key( $contact_id, array( 'key' => self::KEY ) );

		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'civikey_key_taken', $response->get_data()['code'] );
		$this->assertStringNotContainsString( (string) $holder, $response->get_data()['message'] );
		$this->assertNull( $this->stored_key( $contact_id ) );
	}

	public function test_a_key_held_by_a_contact_in_the_trash_is_refused_too() {
		$this->civicrm_contact(
			array(
				'api_key'    => self::KEY,
				'is_deleted' => true,
			)
		);
		$contact_id = $this->civicrm_contact();

		$response = $this->put_key( $contact_id, array( 'key' => self::KEY ) );

		$this->assertSame( 'civikey_key_taken', $response->get_data()['code'] );
	}

	/**
	 * Keys the server must refuse, with the code.
	 *
	 * @return array<string, array{0: mixed, 1: string, 2: int}>
	 */
	public function data_invalid_keys(): array {
		return array(
			'too short'     => array( 'abc123', 'civikey_key_length', 422 ),
			'33 characters' => array( str_repeat( 'a', 33 ), 'civikey_key_length', 422 ),
			'symbols'       => array( 'abcdefghij+klmnopqrst/=', 'civikey_key_characters', 422 ),
			'empty'         => array( '', 'civikey_key_empty', 422 ),
			'not a string'  => array( array( 'a' ), 'rest_invalid_param', 400 ),
		);
	}

	/**
	 * Invalid keys change nothing in CiviCRM.
	 *
	 * @dataProvider data_invalid_keys
	 *
	 * @param mixed  $key    Key sent.
	 * @param string $code   Expected error code.
	 * @param int    $status Expected HTTP status.
	 */
	public function test_invalid_keys_are_refused_and_nothing_is_stored( $key, string $code, int $status ) {
		$contact_id = $this->civicrm_contact();

		$response = $this->put_key( $contact_id, array( 'key' => $key ) );

		$this->assertSame( $status, $response->get_status() );
		$this->assertSame( $code, $response->get_data()['code'] );
		$this->assertNull( $this->stored_key( $contact_id ) );
	}

	public function test_the_site_key_cannot_become_an_api_key() {
		$contact_id = $this->civicrm_contact();

		$response = $this->put_key( $contact_id, array( 'key' => CIVICRM_SITE_KEY ) );

		$this->assertSame( 422, $response->get_status() );
		$this->assertSame( 'civikey_key_is_site_key', $response->get_data()['code'] );
		$this->assertStringNotContainsString( CIVICRM_SITE_KEY, $response->get_data()['message'] );
		$this->assertNull( $this->stored_key( $contact_id ) );
	}

	public function test_a_key_in_the_url_is_refused() {
		$contact_id = $this->civicrm_contact();
		$request    = new WP_REST_Request( 'PUT', '/civikey/v1/contacts/' . $contact_id . '/key' );
		$request->set_query_params( array( 'key' => self::KEY ) );

		$response = rest_get_server()->dispatch( $request );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'civikey_key_in_url', $response->get_data()['code'] );
		$this->assertNull( $this->stored_key( $contact_id ) );
	}

	public function test_an_unknown_contact_is_a_404() {
		$response = $this->put_key( 999999999, array( 'key' => self::KEY ) );

		$this->assertSame( 404, $response->get_status() );
		$this->assertSame( 'civikey_contact_not_found', $response->get_data()['code'] );
	}

	public function test_revoking_removes_the_key_from_civicrm() {
		$contact_id = $this->civicrm_contact( array( 'api_key' => self::KEY ) );

		$response = $this->rest( 'DELETE', '/civikey/v1/contacts/' . $contact_id . '/key' );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'revoke', $response->get_data()['action'] );
		$this->assertSame( 'none', $response->get_data()['contact']['key']['status'] );
		$this->assertNull( $this->stored_key( $contact_id ) );
	}

	public function test_revoking_a_contact_without_a_key_says_so() {
		$contact_id = $this->civicrm_contact();

		$response = $this->rest( 'DELETE', '/civikey/v1/contacts/' . $contact_id . '/key' );

		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'civikey_no_key', $response->get_data()['code'] );
	}

	public function test_people_without_the_wordpress_capability_are_refused() {
		$contact_id = $this->civicrm_contact();
		$this->login_as( self::factory_user( 'editor' ) );

		$set    = $this->put_key( $contact_id, array( 'key' => self::KEY ) );
		$revoke = $this->rest( 'DELETE', '/civikey/v1/contacts/' . $contact_id . '/key' );

		$this->assertSame( 403, $set->get_status() );
		$this->assertSame( 403, $revoke->get_status() );
		$this->assertNull( $this->stored_key( $contact_id ) );
	}

	public function test_civicrm_refusal_is_passed_on_as_a_403_with_a_fix() {
		add_filter(
			'civikey_manage_capability',
			static function () {
				return 'edit_others_posts';
			}
		);
		// Everything but the api_key permission itself.
		$this->grant_editor_civicrm_contact_access();
		$contact_id = $this->civicrm_contact();
		$this->login_as( self::factory_user( 'editor' ) );

		$response = $this->put_key( $contact_id, array( 'key' => self::KEY ) );

		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'civikey_civicrm_forbidden', $response->get_data()['code'] );
		$this->assertStringContainsString( 'edit api keys', $response->get_data()['message'] );
		$this->assertNull( $this->stored_key( $contact_id ) );
	}

	public function test_a_role_with_edit_api_keys_may_set_keys() {
		add_filter(
			'civikey_manage_capability',
			static function () {
				return 'edit_others_posts';
			}
		);
		$this->grant_editor_civicrm_contact_access();
		get_role( 'editor' )->add_cap( 'edit_api_keys' );
		$contact_id = $this->civicrm_contact();
		$this->login_as( self::factory_user( 'editor' ) );

		$response = $this->put_key( $contact_id, array( 'key' => self::KEY ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( self::KEY, $this->stored_key( $contact_id ) );
	}

	public function test_civicrm_absent_answers_503() {
		$response = $this->dispatch_with( new Gateway( 'civikey_tests_missing', 'civikey_tests_missing' ), 7 );

		$this->assertSame( 503, $response->get_status() );
		$this->assertSame( 'civikey_civicrm_missing', $response->get_data()['code'] );
	}

	public function test_civicrm_throwing_answers_503_without_its_message() {
		$throwing = static function () {
			throw new \CRM_Core_Exception( 'DB Error: syntax error near ' . self::KEY );
		};

		$response = $this->dispatch_with( new Gateway( '__return_true', $throwing ), 7 );

		$this->assertSame( 503, $response->get_status() );
		$this->assertSame( 'civikey_civicrm_error', $response->get_data()['code'] );
		$this->assertStringNotContainsString( self::KEY, (string) wp_json_encode( $response->get_data() ) );
	}

	/**
	 * Sends PUT with a JSON body.
	 *
	 * @param int                  $contact_id Contact ID.
	 * @param array<string, mixed> $body       Body.
	 * @return \WP_REST_Response
	 */
	private function put_key( int $contact_id, array $body ): \WP_REST_Response {
		return $this->rest( 'PUT', '/civikey/v1/contacts/' . $contact_id . '/key', $body );
	}

	/**
	 * Runs the controller with a gateway standing for a broken CiviCRM.
	 *
	 * @param Gateway $gateway    Gateway.
	 * @param int     $contact_id Contact ID.
	 * @return \WP_REST_Response
	 */
	private function dispatch_with( Gateway $gateway, int $contact_id ): \WP_REST_Response {
		$contacts   = new Contact_Directory( $gateway );
		$controller = new Contact_Key_Controller( new Key_Service( $contacts, $gateway, new Key_Lock() ) );
		$request    = new WP_REST_Request( 'PUT', '/civikey/v1/contacts/' . $contact_id . '/key' );
		$request->set_url_params( array( 'id' => $contact_id ) );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array( 'key' => self::KEY ) ) );
		$result = $controller->update_item( $request );
		return is_wp_error( $result ) ? rest_convert_error_to_response( $result ) : rest_ensure_response( $result );
	}
}
