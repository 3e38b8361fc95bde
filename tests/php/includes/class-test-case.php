<?php
/**
 * Base class for CiviKey's PHPUnit tests.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests;

use CiviKey\Audit\Audit_Log;
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
		self::sync_civicrm_session();
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
		self::sync_civicrm_session();
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
		// Real CiviCRM's sync of the new user made it CiviCRM's session user.
		self::sync_civicrm_session();
		return $user_id;
	}

	/**
	 * Logs a user in for the rest of the test.
	 *
	 * @param int $user_id User ID (0 for anonymous).
	 */
	protected function login_as( int $user_id ): void {
		wp_set_current_user( $user_id );
		self::sync_civicrm_session();
	}

	/**
	 * Real CiviCRM only: makes CiviCRM's session user the current WordPress
	 * user, as it is at the start of a web request.
	 *
	 * Without a web request, CRM_Core_Permission::check() judges the contact
	 * in CiviCRM's session (CRM_Core_Session::getLoggedInContactID(), mapped
	 * back to a WordPress user through UFMatch) whenever there is one, not
	 * wp_get_current_user(); and CRM_Core_BAO_UFMatch::synchronize(), which
	 * civicrm-wordpress runs on user_register, puts whichever user it has
	 * just synchronised into that session.
	 *
	 * @see civicrm-core CRM/Core/Permission.php check()
	 * @see civicrm-core CRM/Core/BAO/UFMatch.php synchronize()
	 */
	protected static function sync_civicrm_session(): void {
		if ( 'real' !== CIVIKEY_TESTS_CIVICRM || ! class_exists( 'CRM_Core_Session', false ) ) {
			return;
		}
		\CRM_Core_Session::singleton()->reset();
		$user = wp_get_current_user();
		if ( $user->exists() ) {
			\CRM_Core_BAO_UFMatch::synchronize( $user, false, 'WordPress', 'Individual' );
		}
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
					// A user that does not exist (a dangling link) gets a made-up address.
					'uf_name'    => get_userdata( $user_id ) ? get_userdata( $user_id )->user_email : "user{$user_id}@example.org",
				),
				'checkPermissions' => false,
			)
		);
	}

	/**
	 * Answers HTTP requests to this site's civicrm/authx/id in-process, since
	 * the PHPUnit site has no web server (and a child process could not see
	 * the users a test made inside its transaction): the stand-in's endpoint,
	 * or real CiviCRM's AuthX run the way CRM_Core_Invoke runs it for that
	 * page. Like a request without a login cookie, each starts with no
	 * WordPress user and an empty CiviCRM session; the test's user is
	 * restored afterwards.
	 */
	protected function route_loopback_to_civicrm(): void {
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
				wp_parse_str( (string) wp_parse_url( (string) $url, PHP_URL_QUERY ), $get );
				$user_id = get_current_user_id();
				wp_set_current_user( 0 );
				$answer = self::civicrm_authx_id( $server + array( 'REQUEST_METHOD' => 'GET' ), $get );
				wp_set_current_user( $user_id );
				self::sync_civicrm_session();
				if ( null === $answer ) {
					return $preempt;
				}
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
	 * CiviCRM's answer to a request for civicrm/authx/id, in-process: the
	 * stand-in's endpoint, or real CiviCRM's AuthX as CRM_Core_Invoke runs it
	 * for that page — its listener on civi.invoke.auth reads the credential
	 * from the request, then the page reports whom it logged in; a rejection
	 * is a 401 "HTTP 401 <reason>". Call it as the anonymous visitor.
	 *
	 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php on_civi_invoke_auth(), reject()
	 * @see civicrm-core ext/authx/CRM/Authx/Page/AJAX.php getId()
	 *
	 * @param array<string, string> $server Request headers as $_SERVER keys (HTTP_X_CIVI_AUTH…), REQUEST_METHOD.
	 * @param array<string, string> $get    Query parameters.
	 * @return array{status: int, content_type: string, body: string}|null Null without CiviCRM.
	 */
	protected static function civicrm_authx_id( array $server, array $get = array() ): ?array {
		if ( class_exists( '\\CiviCRM_Standin\\Authx_Endpoint' ) ) {
			return \CiviCRM_Standin\Authx_Endpoint::respond( $server, $get, array() );
		}
		if ( 'real' !== CIVIKEY_TESTS_CIVICRM ) {
			return null;
		}
		return self::real_authx_id( $server, $get );
	}

	/**
	 * Real CiviCRM's AuthX for civicrm/authx/id (see civicrm_authx_id()).
	 *
	 * @param array<string, string> $server Request headers as $_SERVER keys, REQUEST_METHOD.
	 * @param array<string, string> $get    Query parameters.
	 * @return array{status: int, content_type: string, body: string}
	 */
	private static function real_authx_id( array $server, array $get ): array {
		// phpcs:disable WordPress.Security.NonceVerification -- this builds a request, it reads no form.
		$saved = array( $_SERVER, $_GET, $_POST, $_REQUEST );
		// Stateless AuthX logins swap CiviCRM's session for a fake one; put it back afterwards.
		$session_of = \Closure::bind(
			static function ( $session = null ) {
				if ( null !== $session ) {
					self::$_singleton = $session;
				}
				return self::$_singleton;
			},
			null,
			\CRM_Core_Session::class
		);
		$session    = $session_of();
		try {
			foreach ( array_keys( $_SERVER ) as $name ) {
				if ( 0 === strpos( $name, 'HTTP_' ) && 'HTTP_HOST' !== $name ) {
					unset( $_SERVER[ $name ] );
				}
			}
			$_SERVER  = array_merge( $_SERVER, $server );
			$_GET     = $get;
			$_POST    = array();
			$_REQUEST = $get;
			\CRM_Core_Session::singleton()->reset();
			$authenticator = new \Civi\Authx\Authenticator();
			$authenticator->setRejectMode( 'exception' );
			$authenticator->on_civi_invoke_auth( \Civi\Core\Event\GenericHookEvent::create( array( 'args' => array( 'civicrm', 'authx', 'id' ) ) ) );
			$authx = \CRM_Core_Session::singleton()->get( 'authx' );
			return array(
				'status'       => 200,
				'content_type' => 'application/json',
				'body'         => (string) wp_json_encode(
					array(
						'contact_id' => \CRM_Core_Session::getLoggedInContactID(),
						'user_id'    => get_current_user_id() ? get_current_user_id() : null,
						'flow'       => $authx['flow'] ?? null,
						'cred'       => $authx['credType'] ?? null,
					)
				),
			);
		} catch ( \Civi\Authx\AuthxException $rejection ) {
			return array(
				'status'       => 401,
				'content_type' => 'text/plain',
				'body'         => 'HTTP 401 ' . $rejection->getMessage(),
			);
		} finally {
			list( $_SERVER, $_GET, $_POST, $_REQUEST ) = $saved;
			$session_of( $session );
		}
		// phpcs:enable
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

	/**
	 * The contact a user is linked to, read from CiviCRM.
	 *
	 * @param int $user_id User ID.
	 * @return int|null
	 */
	protected function contact_of_user( int $user_id ): ?int {
		$match = civicrm_api4(
			'UFMatch',
			'get',
			array(
				'where'            => array( array( 'uf_id', '=', $user_id ) ),
				'checkPermissions' => false,
			)
		)->first();
		return $match ? (int) $match['contact_id'] : null;
	}

	/**
	 * How many UFMatch rows a user has.
	 *
	 * @param int $user_id User ID.
	 * @return int
	 */
	protected function count_links( int $user_id ): int {
		return civicrm_api4(
			'UFMatch',
			'get',
			array(
				'where'            => array( array( 'uf_id', '=', $user_id ) ),
				'checkPermissions' => false,
			)
		)->count();
	}

	/**
	 * Everything in the audit table, as text.
	 *
	 * @return string
	 */
	protected function audit_dump(): string {
		global $wpdb;
		$table = Audit_Log::table();
		return (string) wp_json_encode( $wpdb->get_results( "SELECT * FROM {$table}", ARRAY_A ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- fixed table name.
	}
}
