<?php
/**
 * Every route while CiviCRM throws on every call.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Security;

use CiviCRM_Standin\Mode;

require_once __DIR__ . '/class-route-matrix-case.php';

/**
 * CiviCRM that starts but fails every API call (its database is down): the
 * status says CiviCRM is unavailable and what to check, not that the user
 * lacks a permission; every route that needs CiviCRM answers 503 with a
 * sentence, and none quotes CiviCRM's error (which can hold SQL, and so a
 * key) or a secret. The browser journeys for this and for a CiviCRM that
 * is not installed are in tests/e2e/specs/civicrm-modes.spec.ts.
 *
 * @group standin-only
 */
class CiviCRM_Failure_Test extends Route_Matrix_Case {

	/**
	 * Routes that answer without CiviCRM, or with what they can do without
	 * it (the connection details say "unknown" where CiviCRM would tell).
	 */
	private const WITHOUT_CIVICRM = array( 'GET status', 'GET profiles', 'GET site-key', 'GET connection', 'GET problem labels', 'GET audit', 'GET site-health' );

	protected function set_up() {
		parent::set_up();
		$this->route_loopback_to_civicrm();
	}

	protected function tear_down() {
		Mode::set_for_request( Mode::READY );
		parent::tear_down();
	}

	public function test_the_status_names_the_database_not_the_users_permissions() {
		$this->login_as( self::factory_user( 'administrator' ) );
		Mode::set_for_request( Mode::FAILING );

		$status = $this->rest( 'GET', '/civikey/v1/status' )->get_data();

		$this->assertSame( 'unavailable', $status['civicrm']['state'] );
		$this->assertStringContainsString( 'Check that its database is reachable', $status['civicrm']['message'] );
		$this->assertSame( 'unknown', $status['authx']['state'] );
		$this->assertStringContainsString( 'until CiviCRM is ready', $status['authx']['message'] );
		$this->assertNull( $status['access']['can_edit_api_keys'] );
		$this->assertFalse( $status['access']['can_manage_keys'] );
		$this->assertStringNotContainsString( 'does not let your account', $status['access']['message'] );
	}

	public function test_every_route_answers_503_with_a_sentence_and_no_secret() {
		$administrator = self::factory_user( 'administrator' );
		$counts        = array(
			'503' => 0,
			'200' => 0,
			'500' => 0,
		);
		foreach ( $this->routes() as $name => $route ) {
			// The contact is made while CiviCRM works; the call runs while it fails.
			$contact_id = $this->civicrm_contact( array( 'api_key' => $route['key'] ? \CiviKey\Keys\Key_Policy::generate() : null ) );
			$call       = $this->call_route_failing( $route, $contact_id, $administrator );
			$status     = $call['response']->get_status();
			$data       = $call['response']->get_data();
			$body       = (string) wp_json_encode( $data );
			if ( isset( $counts[ (string) $status ] ) ) {
				++$counts[ (string) $status ];
			}

			$this->assertNotSame( 500, $status, "$name: $body" );
			if ( in_array( $name, self::WITHOUT_CIVICRM, true ) ) {
				$this->assertSame( 200, $status, "$name needs no CiviCRM: $body" );
			} elseif ( 'POST bulk revoke' === $name ) {
				// Each contact gets its own outcome; this one was not revoked, and says why.
				$this->assertSame( 200, $status, $body );
				$this->assertFalse( $data[0]['revoked'], $body );
				$this->assertMatchesRegularExpression( '/^CiviCRM .{20,}\.$/', (string) $data[0]['message'], $body );
			} else {
				$this->assertSame( 503, $status, "$name: $body" );
				$this->assertMatchesRegularExpression( '/^CiviCRM .{20,}\.$/', (string) $data['message'], "$name says what happened and what to do." );
			}
			$this->assertStringNotContainsString( 'DB Error', $body, "$name quotes CiviCRM's own error." );
			$this->assertStringNotContainsString( "Can't connect", $body, "$name quotes CiviCRM's own error." );
			$this->assertStringNotContainsString( CIVIKEY_STANDIN_SITE_KEY, $body, "$name shows the site key." );
			foreach ( $call['keys'] as $key ) {
				$this->assertStringNotContainsString( $key, $body, "$name shows a key." );
			}
		}
		fwrite( STDERR, sprintf( "\nCiviCRM failing: %d routes, 503 with a sentence: %d, answered 200 (no CiviCRM needed, or one outcome per contact): %d, HTTP 500s: %d\n", count( $this->routes() ), $counts['503'], $counts['200'], $counts['500'] ) );
	}

	/**
	 * Calls a route as a user while every CiviCRM call fails.
	 *
	 * @param array{method: string, path: string, params: array<string, mixed>, key: bool, wordpress_only: bool, linked_user: bool} $route      Route.
	 * @param int                                                                                                                   $contact_id Contact.
	 * @param int                                                                                                                   $user_id    User.
	 * @return array{response: \WP_REST_Response, keys: array<int, string>}
	 */
	private function call_route_failing( array $route, int $contact_id, int $user_id ): array {
		if ( $route['linked_user'] ) {
			$this->link_contact_to_user( $contact_id, self::factory_user( '' ) );
		}
		$key    = \CiviKey\Keys\Key_Policy::generate();
		$params = json_decode( str_replace( array( '"{id}"', '{key}' ), array( (string) $contact_id, $key ), (string) wp_json_encode( $route['params'] ) ), true );
		$this->login_as( $user_id );
		Mode::set_for_request( Mode::FAILING );
		$response = $this->rest( $route['method'], str_replace( '{id}', (string) $contact_id, $route['path'] ), $params );
		Mode::set_for_request( Mode::READY );
		$this->login_as( 0 );
		return array(
			'response' => $response,
			'keys'     => array( $key ),
		);
	}
}
