<?php
/**
 * Tests for connecting a new integration in one go.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Integrations;

use CiviKey\Audit\Audit_Log;
use CiviKey\Tests\Test_Case;
use RuntimeException;

/**
 * The plan changes nothing; the setup makes contact, user, role and key, or,
 * when any step fails, leaves nothing of this run behind and says what failed.
 */
class Integrations_Controller_Test extends Test_Case {

	/**
	 * The key, unique per test: CiviCRM's tables outlive a test's transaction.
	 *
	 * @var string
	 */
	private $key;

	/**
	 * Integration name, unique per test so leftovers would show.
	 *
	 * @var string
	 */
	private $name;

	protected function set_up() {
		parent::set_up();
		$this->login_as( self::factory_user( 'administrator' ) );
		$this->route_loopback_to_civicrm();
		$this->name = 'Zapier ' . wp_generate_password( 6, false );
		$this->key  = wp_generate_password( 32, false );
	}

	public function test_the_plan_shows_what_will_be_made_and_makes_nothing() {
		$users_before = count_users()['total_users'];

		$response = $this->rest(
			'GET',
			'/civikey/v1/integrations/plan',
			array(
				'name'    => $this->name,
				'profile' => 'read_contacts',
			)
		);

		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$plan = $response->get_data();
		$this->assertSame( $this->name, $plan['name'] );
		$this->assertSame(
			array(
				'contact_type' => 'Organization',
				'display_name' => $this->name,
			),
			$plan['contact']
		);
		$this->assertSame( array(), $plan['existing_contacts'] );
		$this->assertSame( sanitize_title( $this->name ), $plan['user']['login'] );
		$this->assertStringEndsWith( '@service.invalid', $plan['user']['email'] );
		$this->assertSame( array( 'access_ajax_api', 'authenticate_with_api_key', 'view_all_contacts' ), $plan['role']['capabilities'] );
		$this->assertContains( 'authenticate with api key', $plan['permissions'] );
		$this->assertSame( 32, $plan['key_length'] );
		$this->assertArrayNotHasKey( 'required', $plan );

		$this->assertSame( array(), $this->contacts_named( $this->name ), 'A plan creates no contact.' );
		$this->assertSame( $users_before, count_users()['total_users'], 'A plan creates no user.' );
		if ( ! $plan['role']['exists'] ) {
			$this->assertNull( get_role( $plan['role']['role'] ), 'A plan creates no role.' );
		}
	}

	public function test_the_plan_warns_of_contacts_with_the_same_name() {
		$existing = $this->civicrm_contact(
			array(
				'contact_type'      => 'Organization',
				'organization_name' => $this->name,
			)
		);

		$plan = $this->rest( 'GET', '/civikey/v1/integrations/plan', array( 'name' => $this->name ) )->get_data();

		$this->assertSame(
			array(
				array(
					'id'           => $existing,
					'display_name' => $this->name,
				),
			),
			$plan['existing_contacts']
		);
	}

	public function test_a_plan_needs_a_name_and_for_custom_some_permissions() {
		$blank  = $this->rest( 'GET', '/civikey/v1/integrations/plan', array( 'name' => "  \t " ) );
		$custom = $this->rest(
			'GET',
			'/civikey/v1/integrations/plan',
			array(
				'name'    => $this->name,
				'profile' => 'custom',
			)
		);

		$this->assertSame( 400, $blank->get_status() );
		$this->assertSame( 'civikey_integration_name', $blank->get_data()['code'] );
		$this->assertSame( 400, $custom->get_status() );
		$this->assertSame( 'civikey_permissions_required', $custom->get_data()['code'] );
	}

	public function test_subscribers_may_neither_plan_nor_connect() {
		$this->login_as( self::factory_user( 'subscriber' ) );

		$plan    = $this->rest( 'GET', '/civikey/v1/integrations/plan', array( 'name' => $this->name ) );
		$connect = $this->connect();

		$this->assertSame( 403, $plan->get_status() );
		$this->assertSame( 403, $connect->get_status() );
		$this->assertSame( array(), $this->contacts_named( $this->name ) );
	}

	public function test_one_request_makes_a_contact_user_role_and_key_that_work() {
		$plan = $this->rest( 'GET', '/civikey/v1/integrations/plan', array( 'name' => $this->name ) )->get_data();

		$response = $this->connect();

		$this->assertSame( 201, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$result     = $response->get_data();
		$contact_id = (int) $result['contact']['id'];
		$this->track_contact( $contact_id );
		$this->assertStringContainsString( 'no-store', $response->get_headers()['Cache-Control'] );
		$this->assertStringEndsWith( "/civikey/v1/contacts/$contact_id", $response->get_headers()['Location'] );

		$this->assertSame( $this->name, $result['contact']['display_name'] );
		$this->assertSame( 'Organization', $result['contact']['contact_type'] );
		$this->assertSame( $this->key, $this->stored_key( $contact_id ), 'The key is on the new contact.' );
		$this->assertStringNotContainsString( $this->key, (string) wp_json_encode( $result ), 'The answer never carries the key.' );

		$user = get_userdata( $result['user']['user_id'] );
		$this->assertSame( $plan['user']['login'], $user->user_login, 'The user is the one the plan showed.' );
		$this->assertSame( $contact_id, $this->contact_of_user( $user->ID ) );
		$this->assertSame( 1, $this->count_links( $user->ID ), 'No second contact was made for the new user.' );
		$this->assertSame( array( $plan['role']['role'] ), array_values( $user->roles ), 'Only the dedicated role.' );
		$this->assertSame( $plan['role']['role'], $result['role']['role'] );
		$this->assertSame(
			array( 'access_ajax_api', 'authenticate_with_api_key', 'view_all_contacts' ),
			array_keys( array_filter( get_role( $result['role']['role'] )->capabilities ) )
		);

		$report = $this->rest( 'GET', "/civikey/v1/contacts/$contact_id/report", array( 'profile' => 'read_contacts' ) )->get_data();
		$this->assertSame( 'works', $report['verdict'], $report['summary'] );
		$tested = $this->rest( 'POST', "/civikey/v1/contacts/$contact_id/key/test", array( 'key' => $this->key ) )->get_data();
		$this->assertTrue( $tested['ok'], $tested['message'] );
		$this->assertSame( $contact_id, $tested['contact_id'] );

		$run = $this->rest( 'GET', '/civikey/v1/audit', array( 'run' => $result['run'] ) )->get_data();
		$this->assertSame(
			array( 'contact_created', 'user_created', 'role_applied', 'key_set', 'integration_setup' ),
			array_reverse( array_column( $run, 'action' ) ),
			'The trail holds the run as one setup with its parts.'
		);
		$this->assertSame( array( $contact_id ), array_values( array_unique( array_column( $run, 'contact_id' ) ) ) );
		$this->assertStringNotContainsString( $this->key, $this->audit_dump() );
	}

	public function test_an_identical_role_is_reused() {
		$first = $this->connect();
		$this->track_contact( (int) $first->get_data()['contact']['id'] );
		$this->name = 'Mailing sync ' . wp_generate_password( 6, false );

		$second = $this->connect( array( 'key' => wp_generate_password( 32, false ) ) );
		$this->track_contact( (int) $second->get_data()['contact']['id'] );

		$this->assertSame( 201, $second->get_status(), wp_json_encode( $second->get_data() ) );
		$this->assertSame( $first->get_data()['role']['role'], $second->get_data()['role']['role'] );
		$this->assertFalse( $second->get_data()['role']['created'] );
	}

	public function test_a_bad_or_taken_key_is_refused_before_anything_is_made() {
		$holder = $this->civicrm_contact( array( 'api_key' => $this->key ) );

		$symbols = $this->connect( array( 'key' => 'abc+def/ghi=jkl&mno?pqr0123456789' ) );
		$taken   = $this->connect();

		$this->assertSame( 422, $symbols->get_status() );
		$this->assertSame( 'validate', $symbols->get_data()['data']['step'] );
		$this->assertSame( 409, $taken->get_status() );
		$this->assertSame( 'civikey_key_taken', $taken->get_data()['code'] );
		$this->assertSame( 'validate', $taken->get_data()['data']['step'] );
		$this->assertSame( array(), $this->contacts_named( $this->name ) );
		$this->assertSame( $this->key, $this->stored_key( $holder ), 'The holder keeps its key.' );
	}

	public function test_the_key_is_never_taken_from_the_url() {
		$request = new \WP_REST_Request( 'POST', '/civikey/v1/integrations' );
		$request->set_query_params( array( 'key' => $this->key ) );
		$request->set_body_params( array( 'name' => $this->name ) );

		$response = rest_get_server()->dispatch( $request );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'civikey_key_in_url', $response->get_data()['code'] );
		$this->assertSame( array(), $this->contacts_named( $this->name ) );
	}

	/**
	 * A failure injected at each step, the way it happens on real sites.
	 *
	 * @return array<string, array{0: string, 1: string, 2: int, 3: array<int, string>}>
	 */
	public function failures(): array {
		return array(
			'CiviCRM refuses the contact'  => array( 'contact', 'contact', 403, array() ),
			'WordPress refuses the login'  => array( 'user', 'user', 0, array( 'contact' ) ),
			'a plugin crashes on the role' => array( 'role', 'role', 500, array( 'user', 'role', 'contact' ) ),
			'another admin takes the key'  => array( 'key', 'key', 409, array( 'user', 'role', 'contact' ) ),
		);
	}

	/**
	 * Each step failing, and what the answer and the site look like after.
	 *
	 * @dataProvider failures
	 *
	 * @param string             $inject  Where to make it fail.
	 * @param string             $step    The step the answer names.
	 * @param int                $status  HTTP status; 0 for any 4xx.
	 * @param array<int, string> $undone  What the answer says was undone.
	 */
	public function test_a_failure_at_any_step_leaves_nothing_behind( string $inject, string $step, int $status, array $undone ) {
		$plan = $this->rest( 'GET', '/civikey/v1/integrations/plan', array( 'name' => $this->name ) )->get_data();
		$this->inject_failure( $inject, (string) $plan['user']['login'] );
		$users_before = count_users()['total_users'];
		$role_existed = null !== get_role( $plan['role']['role'] );

		$response = $this->connect();

		$error = $response->get_data();
		if ( 'role' === $inject ) {
			$this->assertStringContainsString( 'RuntimeException', $error['message'] );
			$this->assertStringContainsString( 'Integrations_Controller_Test.php:', $error['message'], 'The answer says where it crashed.' );
			$this->assertStringNotContainsString( ABSPATH, $error['message'], 'Not the server\'s directories.' );
			$this->assertStringNotContainsString( 'A plugin failed', $error['message'], 'Not what the exception said, which could be anything.' );
		}
		if ( $status ) {
			$this->assertSame( $status, $response->get_status(), wp_json_encode( $error ) );
		} else {
			$this->assertGreaterThanOrEqual( 400, $response->get_status() );
			$this->assertLessThan( 500, $response->get_status() );
		}
		$this->assertSame( $step, $error['data']['step'] );
		$this->assertSame( $role_existed ? array_values( array_diff( $undone, array( 'role' ) ) ) : $undone, $error['data']['undone'] );
		$this->assertSame( array(), $error['data']['left_behind'] );
		$this->assertNotSame( '', trim( $error['message'] ) );
		if ( 'contact' !== $step ) {
			$this->assertStringContainsString( 'removed again', $error['message'] );
		}

		$this->assertSame( array(), $this->contacts_named( $this->name, true ), 'No contact, not even in the trash.' );
		$this->assertFalse( username_exists( $plan['user']['login'] ), 'No user.' );
		$this->assertSame( $users_before, count_users()['total_users'] );
		if ( ! $role_existed ) {
			$this->assertNull( get_role( $plan['role']['role'] ), 'No role.' );
		}
		$this->assertStringNotContainsString( $this->key, $this->audit_dump() );

		$summary = $this->last_audit_entry( 'integration_setup' );
		$this->assertSame( 'failure', $summary['result'] );
		$details = json_decode( $summary['details'], true );
		$this->assertSame( $step, $details['step'] );
		$this->assertSame( $error['data']['undone'], $details['undone'] );
		$this->assertSame( 'role' === $inject, null !== $details['crash_at'], 'The trail keeps where a crash happened.' );
		$this->assertNotSame( '', $summary['run_id'] );
	}

	public function test_a_part_that_cannot_be_removed_is_named_for_removal_by_hand() {
		// May add contacts but not delete them, nor link users (administer CiviCRM).
		$this->login_as_key_manager( array( 'add_contacts' ) );

		$error = $this->connect()->get_data();

		$this->assertSame( 'user', $error['data']['step'], wp_json_encode( $error ) );
		$left = $error['data']['left_behind'];
		$this->assertCount( 1, $left, wp_json_encode( $error ) );
		$this->assertSame( 'contact', $left[0]['part'] );
		$this->track_contact( (int) $left[0]['id'] );
		$this->assertSame( array(), $error['data']['undone'] );
		$this->assertStringContainsString( 'by hand', $error['message'] );
		$this->assertStringContainsString( 'contact ' . $left[0]['id'], $error['message'] );
		$this->assertFalse( username_exists( sanitize_title( $this->name ) ), 'The user CiviCRM would not link is gone.' );
	}

	/**
	 * Logs in as an editor to whom the site delegated key management, with
	 * CiviCRM's "edit api keys" and contact access but not administration.
	 *
	 * @param array<int, string> $extra More capabilities.
	 */
	private function login_as_key_manager( array $extra ): void {
		$user_id = self::factory_user( 'editor' );
		$user    = get_userdata( $user_id );
		foreach ( array_merge( array( 'access_civicrm', 'edit_api_keys', 'view_all_contacts', 'edit_all_contacts' ), $extra ) as $capability ) {
			$user->add_cap( $capability );
		}
		add_filter(
			'civikey_manage_capability',
			static function () {
				return 'edit_api_keys';
			}
		);
		$this->login_as( $user_id );
	}

	/**
	 * Makes one step of the next setup fail.
	 *
	 * @param string $step  contact, user, role or key.
	 * @param string $login The login the plan proposed.
	 */
	private function inject_failure( string $step, string $login ): void {
		switch ( $step ) {
			case 'contact':
				// Key management delegated to someone CiviCRM does not let add contacts.
				$this->login_as_key_manager( array() );
				break;
			case 'user':
				// The site forbids that login (a security plugin, say).
				add_filter(
					'illegal_user_logins',
					static function ( array $logins ) use ( $login ): array {
						$logins[] = $login;
						return $logins;
					}
				);
				break;
			case 'role':
				add_action(
					'add_user_role',
					static function () {
						throw new RuntimeException( 'A plugin failed.' );
					}
				);
				break;
			case 'key':
				// Between the check and the write, another contact gets the key.
				$other = $this->civicrm_contact();
				$key   = $this->key;
				add_action(
					'add_user_role',
					static function () use ( $other, $key ) {
						civicrm_api4(
							'Contact',
							'update',
							array(
								'where'            => array( array( 'id', '=', $other ) ),
								'values'           => array( 'api_key' => $key ),
								'checkPermissions' => false,
							)
						);
					}
				);
				break;
		}
	}

	/**
	 * Posts a setup.
	 *
	 * @param array<string, mixed> $params Overrides.
	 * @return \WP_REST_Response
	 */
	private function connect( array $params = array() ): \WP_REST_Response {
		return $this->rest(
			'POST',
			'/civikey/v1/integrations',
			$params + array(
				'name'    => $this->name,
				'profile' => 'read_contacts',
				'key'     => $this->key,
			)
		);
	}

	/**
	 * IDs of contacts with a display name, trashed ones too when asked.
	 *
	 * @param string $name          Display name.
	 * @param bool   $include_trash Also trashed contacts.
	 * @return array<int, int>
	 */
	private function contacts_named( string $name, bool $include_trash = false ): array {
		$where = array( array( 'display_name', '=', $name ) );
		if ( $include_trash ) {
			$where[] = array( 'is_deleted', 'IN', array( true, false ) );
		}
		return array_map(
			'intval',
			array_column(
				(array) civicrm_api4(
					'Contact',
					'get',
					array(
						'select'           => array( 'id' ),
						'where'            => $where,
						'checkPermissions' => false,
					)
				)->getArrayCopy(),
				'id'
			)
		);
	}

	/**
	 * The newest audit entry with an action.
	 *
	 * @param string $action Action.
	 * @return array<string, string>
	 */
	private function last_audit_entry( string $action ): array {
		global $wpdb;
		$table = Audit_Log::table();
		return (array) $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE action = %s ORDER BY id DESC LIMIT 1", $action ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- fixed table name.
	}
}
