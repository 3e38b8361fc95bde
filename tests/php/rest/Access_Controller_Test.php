<?php
/**
 * Tests for the report, the fixes and the live key test.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\REST;

use CiviKey\Audit\Audit_Log;
use CiviKey\Tests\Test_Case;

/**
 * From a contact with no user to a key that works, one fix at a time, each
 * one recorded; and refusals for those not allowed.
 */
class Access_Controller_Test extends Test_Case {

	private const KEY = 'Accesstestkey0123456789abcdefABC';

	protected function set_up() {
		parent::set_up();
		$this->login_as( self::factory_user( 'administrator' ) );
		$this->route_loopback_to_civicrm();
	}

	public function test_profiles_always_include_rest_access() {
		$profiles = $this->rest( 'GET', '/civikey/v1/profiles' )->get_data();

		$this->assertContains( 'read_contacts', array_column( $profiles, 'name' ) );
		foreach ( $profiles as $profile ) {
			$this->assertContains( 'access AJAX API', $profile['permissions'], $profile['name'] );
		}
	}

	public function test_a_fresh_service_contact_runs_as_anonymous_and_is_told_how_to_fix_it() {
		$contact_id = $this->civicrm_contact();

		$report = $this->rest( 'GET', "/civikey/v1/contacts/$contact_id/report" )->get_data();

		$this->assertSame( 'anonymous', $report['verdict'] );
		$this->assertSame( 'anonymous', $report['runs_as']['type'] );
		$user_check = $this->check( $report, 'user' );
		$this->assertSame( 'create_user', $user_check['fix'] );
		$this->assertSame( $contact_id, $report['contact']['id'] );
	}

	public function test_from_no_user_to_a_working_key_with_every_step_recorded() {
		$contact_id        = $this->civicrm_contact(
			array(
				'contact_type'      => 'Organization',
				'organization_name' => 'Zapier ' . wp_generate_password( 5, false ),
				'api_key'           => self::KEY,
			)
		);
		$admin_caps_before = get_role( 'administrator' )->capabilities;

		$created = $this->rest( 'POST', "/civikey/v1/contacts/$contact_id/user", array( 'action' => 'create' ) );
		$this->assertSame( 200, $created->get_status(), wp_json_encode( $created->get_data() ) );
		$user = get_userdata( $created->get_data()['user_id'] );
		$this->assertSame( array(), $user->roles, 'A new service user has no role until one is applied.' );
		$this->assertSame( $contact_id, $this->contact_of_user( $user->ID ), 'The user is linked to this contact, not to a new one.' );
		$this->assertSame( 1, $this->count_links( $user->ID ) );

		$role = $this->rest( 'POST', "/civikey/v1/contacts/$contact_id/role", array( 'profile' => 'read_contacts' ) );
		$this->assertSame( 200, $role->get_status(), wp_json_encode( $role->get_data() ) );
		$role_name = $role->get_data()['role'];
		$this->assertSame(
			array( 'access_ajax_api', 'authenticate_with_api_key', 'view_all_contacts' ),
			array_keys( array_filter( get_role( $role_name )->capabilities ) )
		);
		$this->assertContains( $role_name, get_userdata( $user->ID )->roles );
		$this->assertSame( $admin_caps_before, get_role( 'administrator' )->capabilities, 'The administrator role is never changed.' );

		$report = $this->rest( 'GET', "/civikey/v1/contacts/$contact_id/report", array( 'profile' => 'read_contacts' ) )->get_data();
		$this->assertSame( 'works', $report['verdict'], $report['summary'] );
		$this->assertFalse( $report['needs_site_key'] );

		$tested = $this->rest( 'POST', "/civikey/v1/contacts/$contact_id/key/test", array( 'key' => self::KEY ) );
		$this->assertSame( 200, $tested->get_status() );
		$this->assertTrue( $tested->get_data()['ok'], $tested->get_data()['message'] );
		$this->assertSame( $contact_id, $tested->get_data()['contact_id'] );
		$this->assertSame( $user->ID, $tested->get_data()['user_id'] );
		$this->assertStringContainsString( "contact $contact_id", $tested->get_data()['message'] );
		$this->assertStringContainsString( 'no-store', $tested->get_headers()['Cache-Control'] );

		$this->assertSame( array( 'user_created', 'role_applied', 'key_tested' ), $this->audit_actions( $contact_id ) );
		$this->assertStringNotContainsString( self::KEY, $this->audit_dump() );
	}

	public function test_the_same_role_is_reused_for_the_same_permissions() {
		$first  = $this->contact_with_user();
		$second = $this->contact_with_user();

		$one = $this->rest( 'POST', "/civikey/v1/contacts/$first/role", array( 'profile' => 'edit_contacts' ) )->get_data();
		$two = $this->rest( 'POST', "/civikey/v1/contacts/$second/role", array( 'profile' => 'edit_contacts' ) )->get_data();

		$this->assertTrue( $one['created'] );
		$this->assertFalse( $two['created'] );
		$this->assertSame( $one['role'], $two['role'] );
	}

	public function test_a_custom_profile_needs_permissions_and_valid_names() {
		$contact_id = $this->contact_with_user();

		$empty = $this->rest( 'POST', "/civikey/v1/contacts/$contact_id/role", array( 'profile' => 'custom' ) );
		$bad   = $this->rest(
			'POST',
			"/civikey/v1/contacts/$contact_id/role",
			array(
				'profile'     => 'custom',
				'permissions' => array( "'; DROP TABLE x; --" ),
			)
		);
		$good  = $this->rest(
			'POST',
			"/civikey/v1/contacts/$contact_id/role",
			array(
				'profile'     => 'custom',
				'permissions' => array( 'view all contacts', 'access CiviEvent' ),
			)
		);

		$this->assertSame( 400, $empty->get_status() );
		$this->assertSame( 400, $bad->get_status() );
		$this->assertSame( 200, $good->get_status() );
		$this->assertContains( 'access_civievent', $good->get_data()['capabilities'] );
		$this->assertContains( 'access_ajax_api', $good->get_data()['capabilities'] );
	}

	public function test_a_role_needs_a_user_first() {
		$contact_id = $this->civicrm_contact();

		$response = $this->rest( 'POST', "/civikey/v1/contacts/$contact_id/role", array( 'profile' => 'read_contacts' ) );

		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'civikey_no_user', $response->get_data()['code'] );
		$this->assertSame( array( 'role_applied' ), $this->audit_actions( $contact_id ), 'Refused fixes are recorded too.' );
	}

	public function test_creating_a_second_user_is_refused() {
		$contact_id = $this->contact_with_user();

		$response = $this->rest( 'POST', "/civikey/v1/contacts/$contact_id/user", array( 'action' => 'create' ) );

		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'civikey_user_exists', $response->get_data()['code'] );
	}

	public function test_linking_a_user_that_belongs_to_another_contact_needs_confirmation() {
		$contact_id = $this->civicrm_contact();
		$user_id    = self::factory_user( 'subscriber' );
		$previous   = $this->contact_of_user( $user_id );
		$this->track_contact( (int) $previous );

		$refused = $this->rest(
			'POST',
			"/civikey/v1/contacts/$contact_id/user",
			array(
				'action'  => 'link',
				'user_id' => $user_id,
			)
		);
		$moved   = $this->rest(
			'POST',
			"/civikey/v1/contacts/$contact_id/user",
			array(
				'action'  => 'link',
				'user_id' => $user_id,
				'move'    => true,
			)
		);

		$this->assertSame( 409, $refused->get_status() );
		$this->assertSame( 'civikey_user_linked_elsewhere', $refused->get_data()['code'] );
		$this->assertSame( 200, $moved->get_status() );
		$this->assertSame( $previous, $moved->get_data()['moved_from'] );
		$this->assertSame( $contact_id, $this->contact_of_user( $user_id ) );
	}

	public function test_a_wrong_key_is_reported_with_authx_reason() {
		$contact_id = $this->civicrm_contact();

		$tested = $this->rest( 'POST', "/civikey/v1/contacts/$contact_id/key/test", array( 'key' => 'Nobodyhasthiskey0123456789abcdef' ) );

		$this->assertSame( 200, $tested->get_status() );
		$this->assertFalse( $tested->get_data()['ok'] );
		$this->assertSame( 401, $tested->get_data()['status'] );
		$this->assertStringContainsString( 'Invalid credential', $tested->get_data()['message'] );
	}

	public function test_a_key_without_a_user_passes_only_with_the_site_key() {
		$contact_id = $this->civicrm_contact( array( 'api_key' => self::KEY ) );

		$tested = $this->rest( 'POST', "/civikey/v1/contacts/$contact_id/key/test", array( 'key' => self::KEY ) )->get_data();

		$this->assertTrue( $tested['ok'], $tested['message'] );
		$this->assertTrue( $tested['with_site_key'] );
		$this->assertNull( $tested['user_id'] );
	}

	public function test_the_key_to_test_is_never_taken_from_the_url() {
		$contact_id = $this->civicrm_contact();
		$request    = new \WP_REST_Request( 'POST', "/civikey/v1/contacts/$contact_id/key/test" );
		$request->set_query_params( array( 'key' => self::KEY ) );

		$response = rest_get_server()->dispatch( $request );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'civikey_key_in_url', $response->get_data()['code'] );
	}

	public function test_subscribers_can_use_none_of_it() {
		$contact_id = $this->civicrm_contact();
		$this->login_as( self::factory_user( 'subscriber' ) );

		$this->assertSame( 403, $this->rest( 'GET', "/civikey/v1/contacts/$contact_id/report" )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', "/civikey/v1/contacts/$contact_id/user", array( 'action' => 'create' ) )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', "/civikey/v1/contacts/$contact_id/role", array( 'profile' => 'read_contacts' ) )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', "/civikey/v1/contacts/$contact_id/key/test", array( 'key' => self::KEY ) )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/civikey/v1/profiles' )->get_status() );
	}

	public function test_civicrm_refuses_linking_for_those_without_administer_civicrm() {
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

		$response = $this->rest( 'POST', "/civikey/v1/contacts/$contact_id/user", array( 'action' => 'create' ) );

		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'civikey_civicrm_forbidden', $response->get_data()['code'] );
		$this->assertFalse( username_exists( 'test-contact' ), 'No half-made user is left behind.' );
	}

	/**
	 * A contact with a linked service user made through the route.
	 *
	 * @return int Contact ID.
	 */
	private function contact_with_user(): int {
		$contact_id = $this->civicrm_contact();
		$created    = $this->rest( 'POST', "/civikey/v1/contacts/$contact_id/user", array( 'action' => 'create' ) );
		$this->assertSame( 200, $created->get_status(), wp_json_encode( $created->get_data() ) );
		return $contact_id;
	}

	/**
	 * Audit actions recorded for a contact, oldest first.
	 *
	 * @param int $contact_id Contact ID.
	 * @return array<int, string>
	 */
	private function audit_actions( int $contact_id ): array {
		global $wpdb;
		$table = Audit_Log::table();
		return $wpdb->get_col( $wpdb->prepare( "SELECT action FROM {$table} WHERE contact_id = %d ORDER BY id", $contact_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- fixed table name.
	}

	/**
	 * One check of a report.
	 *
	 * @param array<string, mixed> $report Report.
	 * @param string               $id     Check ID.
	 * @return array<string, mixed>
	 */
	private function check( array $report, string $id ): array {
		foreach ( $report['checks'] as $check ) {
			if ( $check['id'] === $id ) {
				return $check;
			}
		}
		$this->fail( "No check $id" );
	}
}
