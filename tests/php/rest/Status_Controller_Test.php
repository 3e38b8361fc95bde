<?php
/**
 * Tests for GET /civikey/v1/status.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\REST;

use CiviKey\CiviCRM\Authx_Settings;
use CiviKey\CiviCRM\Contact_Directory;
use CiviKey\CiviCRM\Gateway;
use CiviKey\REST\Status_Controller;
use CiviKey\System_Status;
use CiviKey\Tests\Test_Case;
use WP_REST_Request;

/**
 * The status route: who may read it, and what it says in each situation.
 */
class Status_Controller_Test extends Test_Case {

	public function test_anonymous_visitors_are_asked_to_log_in() {
		$response = $this->rest( 'GET', '/civikey/v1/status' );

		$this->assertSame( 401, $response->get_status() );
		$this->assertSame( 'civikey_forbidden', $response->get_data()['code'] );
		$this->assertStringContainsString( 'log in', $response->get_data()['message'] );
	}

	public function test_subscribers_are_refused() {
		$this->login_as( self::factory_user( 'subscriber' ) );

		$response = $this->rest( 'GET', '/civikey/v1/status' );

		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'civikey_forbidden', $response->get_data()['code'] );
	}

	public function test_administrator_sees_civicrm_ready_and_may_manage_keys() {
		$this->require_civicrm();
		$this->login_as( self::factory_user( 'administrator' ) );

		$response = $this->rest( 'GET', '/civikey/v1/status' );
		$status   = $response->get_data();

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'ready', $status['civicrm']['state'] );
		$this->assertMatchesRegularExpression( '/^\d+\.\d+/', (string) $status['civicrm']['version'] );
		$this->assertSame( '', $status['civicrm']['message'] );
		$this->assertSame( 'enabled', $status['authx']['state'] );
		$this->assertTrue( $status['access']['has_capability'] );
		$this->assertTrue( $status['access']['can_edit_api_keys'] );
		$this->assertTrue( $status['access']['can_manage_keys'] );
		$this->assertSame( 'manage_options', $status['access']['capability'] );
	}

	public function test_capability_filter_admits_other_roles_but_civicrm_still_decides_on_keys() {
		$this->require_civicrm();
		add_filter(
			'civikey_manage_capability',
			static function () {
				return 'edit_others_posts';
			}
		);
		$this->login_as( self::factory_user( 'editor' ) );

		$response = $this->rest( 'GET', '/civikey/v1/status' );
		$access   = $response->get_data()['access'];

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'edit_others_posts', $access['capability'] );
		$this->assertTrue( $access['has_capability'] );
		$this->assertFalse( $access['can_edit_api_keys'] );
		$this->assertFalse( $access['can_manage_keys'] );
		$this->assertStringContainsString( 'edit api keys', $access['message'] );
	}

	public function test_a_role_granted_edit_api_keys_may_manage_keys() {
		$this->require_civicrm();
		add_filter(
			'civikey_manage_capability',
			static function () {
				return 'edit_others_posts';
			}
		);
		$this->grant_editor_civicrm_contact_access();
		get_role( 'editor' )->add_cap( 'edit_api_keys' );
		$this->login_as( self::factory_user( 'editor' ) );

		$access = $this->rest( 'GET', '/civikey/v1/status' )->get_data()['access'];

		$this->assertTrue( $access['can_edit_api_keys'] );
		$this->assertTrue( $access['can_manage_keys'] );
		$this->assertSame( '', $access['message'] );
	}

	public function test_civicrm_missing_is_reported_with_a_sentence_not_a_fatal_error() {
		$this->login_as( self::factory_user( 'administrator' ) );

		$status = $this->status_from( new Gateway( 'civikey_tests_no_such_function', 'civikey_tests_no_such_function' ) );

		$this->assertSame( 'missing', $status['civicrm']['state'] );
		$this->assertNull( $status['civicrm']['version'] );
		$this->assertStringContainsString( 'Install and activate the CiviCRM plugin', $status['civicrm']['message'] );
		$this->assertSame( 'unknown', $status['authx']['state'] );
		$this->assertNull( $status['access']['can_edit_api_keys'] );
		$this->assertFalse( $status['access']['can_manage_keys'] );
	}

	public function test_civicrm_that_fails_to_start_is_reported_as_unavailable() {
		$this->login_as( self::factory_user( 'administrator' ) );

		$status = $this->status_from( new Gateway( '__return_false', '__return_empty_array' ) );

		$this->assertSame( 'unavailable', $status['civicrm']['state'] );
		$this->assertStringContainsString( 'could not be started', $status['civicrm']['message'] );
	}

	public function test_civicrm_that_throws_while_starting_is_reported_as_unavailable() {
		$this->login_as( self::factory_user( 'administrator' ) );

		$status = $this->status_from( new Gateway( array( self::class, 'throwing_initialize' ), '__return_empty_array' ) );

		$this->assertSame( 'unavailable', $status['civicrm']['state'] );
	}

	public function test_response_matches_the_published_schema() {
		$this->require_civicrm();
		$this->login_as( self::factory_user( 'administrator' ) );
		$schema = $this->rest( 'OPTIONS', '/civikey/v1/status' )->get_data()['schema'];

		$data = $this->rest( 'GET', '/civikey/v1/status' )->get_data();

		$this->assertTrue( rest_validate_value_from_schema( $data, $schema ) );
	}

	/**
	 * Stands for a CiviCRM whose start-up throws.
	 *
	 * @throws \RuntimeException Always.
	 */
	public static function throwing_initialize() {
		throw new \RuntimeException( 'Could not connect to the CiviCRM database' );
	}

	/**
	 * The status as the controller answers it, with a given gateway.
	 *
	 * @param Gateway $gateway Gateway standing for some CiviCRM state.
	 * @return array<string, mixed>
	 */
	private function status_from( Gateway $gateway ): array {
		$controller = new Status_Controller( new System_Status( $gateway, new Contact_Directory( $gateway ), new Authx_Settings( $gateway ) ) );
		$request    = new WP_REST_Request( 'GET', '/civikey/v1/status' );
		$request->set_param( 'context', 'view' );
		$this->assertTrue( $controller->get_item_permissions_check( $request ) );
		return $controller->get_item( $request )->get_data();
	}

	/**
	 * These tests need a CiviCRM (real or stand-in) in this run.
	 */
	private function require_civicrm(): void {
		if ( ! function_exists( 'civicrm_initialize' ) ) {
			$this->fail( 'This test needs CiviCRM; run with CIVIKEY_CIVICRM=standin or real.' );
		}
	}
}
