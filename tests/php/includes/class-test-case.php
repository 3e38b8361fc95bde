<?php
/**
 * Base class for CiviKey's PHPUnit tests.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests;

use WP_REST_Request;
use WP_REST_Response;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * Each test runs in a database transaction that is rolled back afterwards,
 * with the hooks, current user, caches and REST server reset, like
 * WordPress's own WP_UnitTestCase.
 *
 * CiviCRM keeps its own database connection (so does the stand-in), which
 * that transaction does not cover: contacts made through civicrm_contact()
 * are deleted again through the CiviCRM API after each test, so the same tests
 * can run against the real CiviCRM.
 */
abstract class Test_Case extends TestCase {

	/**
	 * Hooks as they were before the test.
	 *
	 * @var array<string, mixed>
	 */
	private $saved_hooks = array();

	/**
	 * CiviCRM contacts to delete after the test.
	 *
	 * @var array<int, int>
	 */
	private $contacts_to_delete = array();

	/**
	 * Sets up a clean state.
	 */
	protected function set_up() {
		parent::set_up();
		global $wpdb, $wp_filter, $wp_actions, $wp_current_filter;
		$this->saved_hooks     = array(
			'wp_filter'         => array_map(
				static function ( $hook ) {
					return clone $hook;
				},
				$wp_filter
			),
			'wp_actions'        => $wp_actions,
			'wp_current_filter' => $wp_current_filter,
		);
		$wpdb->suppress_errors = false;
		$wpdb->show_errors     = true;
		$wpdb->query( 'SET autocommit = 0' );
		$wpdb->query( 'START TRANSACTION' );
		wp_set_current_user( 0 );
		$_GET     = array();
		$_POST    = array();
		$_REQUEST = array();
		// A fresh REST server per test, so routes are registered by the code under test.
		$GLOBALS['wp_rest_server'] = null;
	}

	/**
	 * Undoes everything the test did.
	 */
	protected function tear_down() {
		global $wpdb, $wp_filter, $wp_actions, $wp_current_filter;
		wp_set_current_user( 0 );
		$this->delete_civicrm_contacts();
		$wpdb->query( 'ROLLBACK' );
		$wp_filter         = $this->saved_hooks['wp_filter'];
		$wp_actions        = $this->saved_hooks['wp_actions'];
		$wp_current_filter = $this->saved_hooks['wp_current_filter'];
		wp_cache_flush();
		// Roles live in an option that was just rolled back; reload them.
		wp_roles()->for_site();
		$GLOBALS['wp_rest_server'] = null;
		parent::tear_down();
	}

	/**
	 * Creates a WordPress user with a role.
	 *
	 * @param string               $role  Role name, or '' for no role.
	 * @param array<string, mixed> $extra Further wp_insert_user() fields.
	 * @return int User ID.
	 * @throws \RuntimeException When WordPress refuses the user.
	 */
	protected static function factory_user( string $role, array $extra = array() ): int {
		static $sequence = 0;
		++$sequence;
		$login   = 'user' . $sequence . '_' . wp_generate_password( 6, false );
		$user_id = wp_insert_user(
			array_merge(
				array(
					'user_login' => $login,
					'user_pass'  => wp_generate_password( 24 ),
					'user_email' => $login . '@example.org',
					'role'       => $role,
				),
				$extra
			)
		);
		if ( is_wp_error( $user_id ) ) {
			throw new \RuntimeException( 'Could not create a test user: ' . $user_id->get_error_message() );
		}
		return $user_id;
	}

	/**
	 * Logs a user in for the rest of the test.
	 *
	 * @param int $user_id User ID (0 for anonymous).
	 */
	protected function login_as( int $user_id ): void {
		wp_set_current_user( $user_id );
	}

	/**
	 * Creates a CiviCRM contact that is deleted again after the test.
	 *
	 * @param array<string, mixed> $values Contact fields; contact_type defaults to Individual.
	 * @return int Contact ID.
	 */
	protected function civicrm_contact( array $values = array() ): int {
		$values += array(
			'contact_type' => 'Individual',
			'first_name'   => 'Test',
			'last_name'    => 'Contact ' . wp_generate_password( 6, false ),
		);
		$contact = civicrm_api4(
			'Contact',
			'create',
			array(
				'values'           => $values,
				'checkPermissions' => false,
			)
		)->first();
		$this->track_contact( (int) $contact['id'] );
		return (int) $contact['id'];
	}

	/**
	 * Deletes a contact made by the code under test after the test.
	 *
	 * @param int $contact_id Contact ID.
	 */
	protected function track_contact( int $contact_id ): void {
		$this->contacts_to_delete[] = $contact_id;
	}

	/**
	 * Deletes the contacts made by civicrm_contact() for good.
	 */
	private function delete_civicrm_contacts(): void {
		if ( ! $this->contacts_to_delete || ! function_exists( 'civicrm_api4' ) ) {
			return;
		}
		// CiviCRM will not delete a contact still linked to a WordPress user.
		civicrm_api4(
			'UFMatch',
			'delete',
			array(
				'where'            => array( array( 'contact_id', 'IN', $this->contacts_to_delete ) ),
				'checkPermissions' => false,
			)
		);
		civicrm_api4(
			'Contact',
			'delete',
			array(
				'where'            => array( array( 'id', 'IN', $this->contacts_to_delete ) ),
				'useTrash'         => false,
				'checkPermissions' => false,
			)
		);
		$this->contacts_to_delete = array();
	}

	/**
	 * Gives the editor role what CiviCRM needs to find and edit contacts,
	 * short of the api_key permission (rolled back after the test).
	 */
	protected function grant_editor_civicrm_contact_access(): void {
		foreach ( array( 'access_civicrm', 'view_all_contacts', 'edit_all_contacts' ) as $capability ) {
			get_role( 'editor' )->add_cap( $capability );
		}
	}

	/**
	 * Links a contact to a WordPress user through UFMatch.
	 *
	 * CiviCRM already linked the user to a contact of its own when the user
	 * was created (it syncs every new user), and a user has one contact per
	 * domain, so that link is replaced.
	 *
	 * @param int $contact_id Contact ID.
	 * @param int $user_id    User ID.
	 */
	protected function link_contact_to_user( int $contact_id, int $user_id ): void {
		civicrm_api4(
			'UFMatch',
			'delete',
			array(
				'where'            => array( array( 'uf_id', '=', $user_id ) ),
				'checkPermissions' => false,
			)
		);
		civicrm_api4(
			'UFMatch',
			'create',
			array(
				'values'           => array(
					'contact_id' => $contact_id,
					'uf_id'      => $user_id,
					'uf_name'    => get_userdata( $user_id )->user_email,
				),
				'checkPermissions' => false,
			)
		);
	}

	/**
	 * Answers HTTP requests to this site's civicrm/authx/id in-process, the
	 * way the stand-in answers them over HTTP in the local stack, since the
	 * PHPUnit site has no web server. The user AuthX logs in is restored
	 * afterwards. Against the real CiviCRM the requests go out over HTTP.
	 */
	protected function route_loopback_to_civicrm(): void {
		if ( ! class_exists( '\CiviCRM_Standin\Authx_Endpoint' ) ) {
			return;
		}
		add_filter(
			'pre_http_request',
			static function ( $preempt, $args, $url ) {
				if ( false === strpos( (string) $url, 'authx/id' ) ) {
					return $preempt;
				}
				$server = array();
				foreach ( (array) $args['headers'] as $name => $value ) {
					$server[ 'HTTP_' . strtoupper( str_replace( '-', '_', $name ) ) ] = $value;
				}
				// The request carries no login cookie: AuthX sees an anonymous visitor.
				$user_id = get_current_user_id();
				wp_set_current_user( 0 );
				$answer = \CiviCRM_Standin\Authx_Endpoint::respond( $server, array(), array() );
				wp_set_current_user( $user_id );
				return array(
					'headers'  => array( 'content-type' => $answer['content_type'] ),
					'body'     => $answer['body'],
					'response' => array(
						'code'    => $answer['status'],
						'message' => get_status_header_desc( $answer['status'] ),
					),
					'cookies'  => array(),
					'filename' => null,
				);
			},
			10,
			3
		);
	}

	/**
	 * Asserts that a value is a WP_Error.
	 *
	 * @param mixed  $actual  Value.
	 * @param string $message Message on failure.
	 */
	protected function assertWPError( $actual, string $message = '' ): void {
		$this->assertInstanceOf( \WP_Error::class, $actual, $message );
	}

	/**
	 * Reads a contact's stored key straight from CiviCRM, bypassing CiviKey.
	 *
	 * @param int $contact_id Contact ID.
	 * @return string|null
	 */
	protected function stored_key( int $contact_id ): ?string {
		$row = civicrm_api4(
			'Contact',
			'get',
			array(
				'select'           => array( 'api_key' ),
				'where'            => array( array( 'id', '=', $contact_id ) ),
				'checkPermissions' => false,
			)
		)->first();
		return $row['api_key'] ?? null;
	}

	/**
	 * Dispatches a REST request in-process.
	 *
	 * @param string               $method HTTP method.
	 * @param string               $route  Route, e.g. /civikey/v1/status.
	 * @param array<string, mixed> $params Query (GET) or JSON body parameters.
	 * @return WP_REST_Response
	 */
	protected function rest( string $method, string $route, array $params = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, $route );
		if ( 'GET' === $method ) {
			$request->set_query_params( $params );
		} elseif ( $params ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $params ) );
		}
		return rest_get_server()->dispatch( $request );
	}
}
