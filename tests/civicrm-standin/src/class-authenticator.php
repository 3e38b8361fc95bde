<?php
/**
 * AuthX's authentication of HTTP requests.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

/**
 * Checks the credentials of a request the way AuthX does before CiviCRM
 * serves a page: the X-Civi-Auth header (flow "xheader"), the Authorization
 * header (flow "header", only when authx_header_cred is not empty) and the
 * _authx parameter (flow "param"). API keys and WordPress passwords are
 * understood; JWTs and the session flows (login, auto) are not imitated.
 *
 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php
 * @see civicrm-core ext/authx/Civi/Authx/CheckCredential.php
 * @see civicrm-core ext/authx/Civi/Authx/CheckCredentialEvent.php
 */
final class Authenticator {

	/**
	 * Authenticates the request, if it carries credentials.
	 *
	 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php on_civi_invoke_auth()
	 *
	 * @param array<string, mixed> $server $_SERVER.
	 * @param array<string, mixed> $get    $_GET.
	 * @param array<string, mixed> $post   $_POST.
	 * @return array<string, mixed>|null The authenticated principal (flow, credType, contactId, userId), or null when no credentials were sent.
	 * @throws Authx_Rejection When the credentials are refused.
	 */
	public static function authenticate( array $server, array $get, array $post ): ?array {
		$params   = 'GET' === ( $server['REQUEST_METHOD'] ?? 'GET' ) ? $get : $post;
		$site_key = $server['HTTP_X_CIVI_KEY'] ?? $params['_authxSiteKey'] ?? null;

		if ( ! empty( $server['HTTP_X_CIVI_AUTH'] ) ) {
			return self::auth( 'xheader', (string) $server['HTTP_X_CIVI_AUTH'], $site_key );
		}
		if ( ! empty( $server['HTTP_AUTHORIZATION'] ) && ! empty( Settings::get( 'authx_header_cred' ) ) ) {
			try {
				return self::auth( 'header', (string) $server['HTTP_AUTHORIZATION'], $site_key );
			} catch ( Authx_Ignored_Credential $ignored ) {
				// "HTTP `Authorization:` can be dirty. Try other things..."
				unset( $ignored );
			}
		}
		if ( ! empty( $params['_authx'] ) ) {
			if ( ! empty( $params['_authxSes'] ) ) {
				throw new Authx_Rejection( 'civicrm-standin does not implement the "auto" (session) flow' );
			}
			return self::auth( 'param', (string) $params['_authx'], $site_key );
		}
		return null;
	}

	/**
	 * Checks the credential, then the policy, then "logs in" for the request.
	 *
	 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php auth(), checkPolicy(), login()
	 *
	 * @param string      $flow     xheader, header or param.
	 * @param string      $cred     Credential, e.g. "Bearer <key>".
	 * @param string|null $site_key Site key sent with the request.
	 * @return array<string, mixed>
	 * @throws Authx_Rejection Refused.
	 * @throws Authx_Ignored_Credential Header flow with a firewall password.
	 */
	private static function auth( string $flow, string $cred, $site_key ): array {
		$principal = self::check_credential( $cred );
		$policy    = array(
			'userMode'   => Settings::get( "authx_{$flow}_user" ) ? Settings::get( "authx_{$flow}_user" ) : 'optional',
			'allowCreds' => Settings::get( "authx_{$flow}_cred" ) ? (array) Settings::get( "authx_{$flow}_cred" ) : array(),
			'guards'     => Settings::get( 'authx_guards' ),
		);

		// Listeners hear of the credential before the checks below, and may refuse it.
		$target = (object) array(
			'flow'      => $flow,
			'credType'  => $principal['credType'] ?? null,
			'contactId' => $principal['contactId'] ?? null,
			'userId'    => $principal['userId'] ?? null,
			'siteKey'   => $site_key,
		);
		$event  = \Civi::dispatcher()->dispatch( 'civi.authx.checkPolicy', new Check_Policy_Event( $policy, $target ) );
		if ( $event->getRejection() ) {
			throw new Authx_Rejection( (string) $event->getRejection() );
		}

		// IgnoreImprovisedFirewall runs as a checkPolicy listener, before the checks below.
		if ( 'header' === $flow && preg_match( '/^(Basic|Digest) /', $cred ) && ! in_array( 'pass', $policy['allowCreds'], true ) ) {
			throw new Authx_Ignored_Credential( 'Received password via HTTP Authorization, but passwords are not enabled for HTTP Authorization.' );
		}
		if ( null === $principal ) {
			throw new Authx_Rejection( 'Invalid credential' );
		}
		$contact_id = $principal['contactId'];
		$user_id    = $principal['userId'];
		$type       = $principal['credType'];
		if ( $contact_id && null === Database::instance()->fetch_value( 'SELECT id FROM civicrm_contact WHERE id = ?', array( $contact_id ) ) ) {
			throw new Authx_Rejection( sprintf( 'Contact ID %d is invalid', $contact_id ) );
		}
		if ( ! in_array( $type, $policy['allowCreds'], true ) ) {
			throw new Authx_Rejection( sprintf( 'Authentication type "%s" with flow "%s" is not allowed for this principal.', $type, $flow ) );
		}
		if ( 'ignore' === $policy['userMode'] ) {
			$user_id = null;
		} elseif ( 'require' === $policy['userMode'] && empty( $user_id ) ) {
			throw new Authx_Rejection( 'Cannot login. No matching user is available.' );
		}
		$guards = (array) $policy['guards'];
		if ( $guards ) {
			$permissions = array(
				'pass'    => 'authenticate with password',
				'api_key' => 'authenticate with api key',
			);
			$passed      = ( in_array( 'site_key', $guards, true ) && defined( 'CIVICRM_SITE_KEY' ) && hash_equals( (string) CIVICRM_SITE_KEY, (string) $site_key ) )
				// Judged as the contact's linked user; with no linked user, as the current (anonymous) visitor.
				|| ( in_array( 'perm', $guards, true ) && isset( $permissions[ $type ] ) && Permissions::check( $permissions[ $type ], $contact_id ) );
			if ( ! $passed ) {
				throw new Authx_Rejection( sprintf( 'Login not permitted. Must satisfy guard (%s).', implode( ', ', $guards ) ) );
			}
		}

		// login(): a different existing login is a conflict.
		$existing_user    = get_current_user_id();
		$existing_contact = $existing_user ? Session::contact_id_for_uf( $existing_user ) : null;
		if ( $existing_user || $existing_contact ) {
			if ( $existing_contact && (string) $existing_contact === (string) $contact_id && (string) $existing_user === (string) $user_id ) {
				return array(
					'flow'      => 'already-logged-in',
					'credType'  => 'already-logged-in',
					'contactId' => $contact_id,
					'userId'    => $user_id,
				);
			}
			throw new Authx_Rejection( 'Cannot login. A mismatched session is already active.' );
		}
		if ( empty( $contact_id ) ) {
			throw new Authx_Rejection( 'Cannot login. Failed to determine contact ID.' );
		}
		if ( $user_id ) {
			// loginStateless(): the user for this request only.
			wp_set_current_user( (int) $user_id );
		}
		return array(
			'flow'      => $flow,
			'credType'  => $type,
			'contactId' => $contact_id,
			'userId'    => $user_id,
		);
	}

	/**
	 * Who a credential stands for.
	 *
	 * "Bearer <key>" is looked up with an equality query on
	 * civicrm_contact.api_key — trashed contacts included, and, with the
	 * table's case-insensitive collation, regardless of letter case. "Basic"
	 * is a WordPress username and password.
	 *
	 * @see civicrm-core ext/authx/Civi/Authx/CheckCredential.php bearerApiKey(), basicUser()
	 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php AuthenticatorTarget::setPrincipal()
	 *
	 * @param string $cred Credential.
	 * @return array{contactId: int|null, userId: int|null, credType: string}|null
	 */
	private static function check_credential( string $cred ): ?array {
		$parts  = explode( ' ', $cred, 2 );
		$format = $parts[0];
		$value  = $parts[1] ?? '';
		if ( 'Bearer' === $format ) {
			$contact_id = Database::instance()->fetch_value( 'SELECT id FROM civicrm_contact WHERE api_key = ?', array( $value ) );
			if ( null === $contact_id ) {
				return null;
			}
			return array(
				'contactId' => (int) $contact_id,
				'userId'    => Session::uf_id_for_contact( (int) $contact_id ),
				'credType'  => 'api_key',
			);
		}
		if ( 'Basic' === $format ) {
			$decoded = explode( ':', (string) base64_decode( $value, true ), 2 ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- HTTP Basic credentials.
			$user    = wp_authenticate( $decoded[0], $decoded[1] ?? '' );
			if ( is_wp_error( $user ) ) {
				return null;
			}
			return array(
				'contactId' => Session::contact_id_for_uf( (int) $user->ID ),
				'userId'    => (int) $user->ID,
				'credType'  => 'pass',
			);
		}
		return null;
	}
}
