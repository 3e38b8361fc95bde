<?php
/**
 * The civicrm/authx/id endpoint.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Standin;

use CiviCRM_Standin\Authx_Endpoint;

require_once __DIR__ . '/class-standin-test-case.php';

/**
 * AuthX's answer to "who does this credential authenticate as?", asked
 * in-process (Test_Case::civicrm_authx_id()).
 *
 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php
 * @see civicrm-core ext/authx/CRM/Authx/Page/AJAX.php getId()
 */
class Standin_Authx_Id_Test extends Standin_Test_Case {

	/**
	 * Calls the endpoint as an anonymous HTTP client would.
	 *
	 * @param array<string, string> $headers Headers as $_SERVER keys.
	 * @param array<string, string> $get     Query.
	 * @return array{status: int, content_type: string, body: string, json: mixed}
	 */
	private function request( array $headers, array $get = array() ): array {
		$this->login_as( 0 );
		$response         = self::civicrm_authx_id( $headers + array( 'REQUEST_METHOD' => 'GET' ), $get );
		$response['json'] = json_decode( $response['body'], true );
		return $response;
	}

	/**
	 * Both url forms are recognised.
	 *
	 * @group standin-only
	 *
	 * @see civicrm-core ext/authx/xml/Menu/authx.xml (civicrm/authx/id)
	 * @see civicrm-core CRM/Utils/System/WordPress.php url() (clean and plain URLs)
	 */
	public function test_both_url_forms_are_recognised() {
		$this->assertTrue( Authx_Endpoint::is_id_request( 'civicrm/authx/id', array() ) );
		$this->assertTrue(
			Authx_Endpoint::is_id_request(
				'',
				array(
					'civiwp' => 'CiviCRM',
					'q'      => 'civicrm/authx/id',
				)
			)
		);
		$this->assertFalse( Authx_Endpoint::is_id_request( 'civicrm/authx/login', array() ) );
	}

	/**
	 * No credentials: nobody.
	 *
	 * @see civicrm-core ext/authx/CRM/Authx/Page/AJAX.php getId()
	 */
	public function test_no_credentials_answers_nulls() {
		$response = $this->request( array() );

		$this->assertSame( 200, $response['status'] );
		$this->assertSame( 'application/json', $response['content_type'] );
		$this->assertSame(
			array(
				'contact_id' => null,
				'user_id'    => null,
				'flow'       => null,
				'cred'       => null,
			),
			$response['json']
		);
	}

	/**
	 * A key on a contact with no user, sent with the site key: accepted,
	 * user_id null (user mode "optional").
	 *
	 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php checkPolicy() (site_key guard)
	 */
	public function test_key_with_site_key_authenticates_the_contact() {
		$key = self::key();
		$id  = $this->civicrm_contact( array( 'api_key' => $key ) );

		$response = $this->request(
			array(
				'HTTP_X_CIVI_AUTH' => 'Bearer ' . $key,
				'HTTP_X_CIVI_KEY'  => CIVICRM_SITE_KEY,
			)
		);

		$this->assertSame( 200, $response['status'] );
		$this->assertSame(
			array(
				'contact_id' => $id,
				'user_id'    => null,
				'flow'       => 'xheader',
				'cred'       => 'api_key',
			),
			$response['json']
		);
	}

	/**
	 * Listeners of civi.authx.checkPolicy hear of the credential (type and
	 * contact) before the policy is applied, and a rejection from one of them
	 * refuses the login. CiviKey listens there to record when keys are used.
	 * Runs against the real CiviCRM too.
	 *
	 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php checkPolicy() (dispatch, then getRejection())
	 * @see civicrm-core ext/authx/Civi/Authx/CheckPolicyEvent.php
	 */
	public function test_check_policy_listeners_see_the_credential_and_may_refuse_it() {
		$key      = self::key();
		$id       = $this->civicrm_contact( array( 'api_key' => $key ) );
		$heard    = array();
		$veto     = false;
		$listener = static function ( $event ) use ( &$heard, &$veto ) {
			$heard[] = array( $event->target->credType, (int) $event->target->contactId );
			if ( $veto ) {
				$event->reject( 'Vetoed by a listener.' );
			}
		};
		$headers  = array(
			'HTTP_X_CIVI_AUTH' => 'Bearer ' . $key,
			'HTTP_X_CIVI_KEY'  => CIVICRM_SITE_KEY,
		);
		\Civi::dispatcher()->addListener( 'civi.authx.checkPolicy', $listener );
		try {
			$accepted = $this->request( $headers );
			$veto     = true;
			$refused  = $this->request( $headers );
		} finally {
			\Civi::dispatcher()->removeListener( 'civi.authx.checkPolicy', $listener );
		}

		$this->assertSame( array( array( 'api_key', $id ), array( 'api_key', $id ) ), $heard );
		$this->assertSame( 200, $accepted['status'] );
		$this->assertSame( 401, $refused['status'] );
		$this->assertStringContainsString( 'Vetoed by a listener.', $refused['body'] );
	}

	/**
	 * Without the site key, a contact with no linked user is judged as the
	 * anonymous visitor, who lacks 'authenticate with api key'.
	 *
	 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php checkPolicy() ("Login not permitted. Must satisfy guard")
	 * @see civicrm-core CRM/Core/Permission.php check() (no linked user: current user)
	 */
	public function test_contact_without_user_fails_the_guards_without_site_key() {
		$key = self::key();
		$this->civicrm_contact( array( 'api_key' => $key ) );

		$response = $this->request( array( 'HTTP_X_CIVI_AUTH' => 'Bearer ' . $key ) );

		$this->assertSame( 401, $response['status'] );
		$this->assertSame( 'text/plain', $response['content_type'] );
		$this->assertSame( 'HTTP 401 Login not permitted. Must satisfy guard (site_key, perm).', $response['body'] );
	}

	/**
	 * The perm guard passes when the contact's user has 'authenticate with api key'.
	 *
	 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php checkPolicy() ($perms['api_key'])
	 * @see civicrm-core ext/authx/Civi/Authx/WordPress.php loginStateless()
	 */
	public function test_perm_guard_passes_with_the_users_permission() {
		$key  = self::key();
		$id   = $this->civicrm_contact( array( 'api_key' => $key ) );
		$user = $this->user_with( array( 'authenticate_with_api_key' ) );
		$this->link_contact_to_user( $id, $user );

		$response = $this->request( array( 'HTTP_X_CIVI_AUTH' => 'Bearer ' . $key ) );

		$this->assertSame( 200, $response['status'] );
		$this->assertSame( $id, $response['json']['contact_id'] );
		$this->assertSame( $user, $response['json']['user_id'] );
	}

	/**
	 * A wrong site key does not pass the site_key guard.
	 *
	 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php checkPolicy() (hash_equals)
	 */
	public function test_wrong_site_key_fails() {
		$key = self::key();
		$this->civicrm_contact( array( 'api_key' => $key ) );

		$response = $this->request(
			array(
				'HTTP_X_CIVI_AUTH' => 'Bearer ' . $key,
				'HTTP_X_CIVI_KEY'  => 'not-the-site-key',
			)
		);

		$this->assertSame( 401, $response['status'] );
	}

	/**
	 * Unknown key is an invalid credential.
	 *
	 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php checkPolicy() ("Invalid credential")
	 */
	public function test_unknown_key_is_an_invalid_credential() {
		$response = $this->request( array( 'HTTP_X_CIVI_AUTH' => 'Bearer ' . self::key() ) );

		$this->assertSame( 'HTTP 401 Invalid credential', $response['body'] );
	}

	/**
	 * User mode "require" refuses contacts without a user.
	 *
	 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php checkPolicy() ("Cannot login. No matching user is available.")
	 */
	public function test_require_user_mode_refuses_a_contact_without_user() {
		$key = self::key();
		$this->civicrm_contact( array( 'api_key' => $key ) );
		civicrm_api4(
			'Setting',
			'set',
			array(
				'values'           => array( 'authx_xheader_user' => 'require' ),
				'checkPermissions' => false,
			)
		);

		try {
			$response = $this->request(
				array(
					'HTTP_X_CIVI_AUTH' => 'Bearer ' . $key,
					'HTTP_X_CIVI_KEY'  => CIVICRM_SITE_KEY,
				)
			);
		} finally {
			civicrm_api4(
				'Setting',
				'set',
				array(
					'values'           => array( 'authx_xheader_user' => null ),
					'checkPermissions' => false,
				)
			);
		}

		$this->assertSame( 'HTTP 401 Cannot login. No matching user is available.', $response['body'] );
	}

	/**
	 * The key lookup is a plain equality on api_key: a trashed contact's key
	 * still authenticates, and the table's case-insensitive collation makes
	 * "ABC" match "abc".
	 *
	 * @see civicrm-core ext/authx/Civi/Authx/CheckCredential.php bearerApiKey()
	 */
	public function test_lookup_ignores_trash_and_letter_case() {
		$key = 'abcdefghijklmnopqrstuvwxyz012345';
		$id  = $this->civicrm_contact(
			array(
				'api_key'    => $key,
				'is_deleted' => true,
			)
		);

		$response = $this->request(
			array(
				'HTTP_X_CIVI_AUTH' => 'Bearer ' . strtoupper( $key ),
				'HTTP_X_CIVI_KEY'  => CIVICRM_SITE_KEY,
			)
		);

		$this->assertSame( $id, $response['json']['contact_id'] );
	}

	/**
	 * The Authorization header works too (flow "header"), and the _authx parameter (flow "param").
	 *
	 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php on_civi_invoke_auth()
	 */
	public function test_header_and_param_flows() {
		$key = self::key();
		$id  = $this->civicrm_contact( array( 'api_key' => $key ) );

		$header = $this->request(
			array(
				'HTTP_AUTHORIZATION' => 'Bearer ' . $key,
				'HTTP_X_CIVI_KEY'    => CIVICRM_SITE_KEY,
			)
		);
		$param  = $this->request(
			array(),
			array(
				'_authx'        => 'Bearer ' . $key,
				'_authxSiteKey' => CIVICRM_SITE_KEY,
			)
		);

		$this->assertSame( array( $id, 'header' ), array( $header['json']['contact_id'], $header['json']['flow'] ) );
		$this->assertSame( array( $id, 'param' ), array( $param['json']['contact_id'], $param['json']['flow'] ) );
	}

	/**
	 * Without AuthX the route does not exist.
	 *
	 * @group standin-only
	 *
	 * @see civicrm-core ext/authx/xml/Menu/authx.xml
	 */
	public function test_no_route_without_authx() {
		update_option( 'civicrm_standin_authx_status', 'disabled' );

		$this->assertSame( 404, $this->request( array() )['status'] );
	}
}
