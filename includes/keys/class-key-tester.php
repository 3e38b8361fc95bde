<?php
/**
 * Trying a key for real.
 *
 * @package CiviKey
 */

namespace CiviKey\Keys;

use CiviKey\CiviCRM\Gateway;
use WP_Error;

/**
 * Sends a key to this site's own `civicrm/authx/id` endpoint over HTTP, the
 * way an integration would, and reports whom it authenticated as.
 *
 * This is the honest test: it goes through the web server, WordPress's
 * routing and AuthX's guards. AuthX answers 200 with the contact and user it
 * logged in, or 401 with its reason (ext/authx/CRM/Authx/Page/AJAX.php,
 * Civi/Authx/Authenticator.php reject()).
 */
class Key_Tester {

	/**
	 * CiviCRM gateway.
	 *
	 * @var Gateway
	 */
	private $gateway;

	/**
	 * Constructor.
	 *
	 * @param Gateway $gateway CiviCRM gateway.
	 */
	public function __construct( Gateway $gateway ) {
		$this->gateway = $gateway;
	}

	/**
	 * Tests a key. If AuthX turns it away at a guard and a site key is
	 * defined, tries once more with the site key, to tell the admin whether
	 * sending it would help.
	 *
	 * @param string $key Key to test. Never logged or returned.
	 * @return array{ok: bool, status: int, contact_id: int|null, user_id: int|null, with_site_key: bool, message: string}|WP_Error
	 */
	public function test( string $key ) {
		$url = $this->gateway->frontend_url( 'civicrm/authx/id' );
		if ( null === $url ) {
			return new WP_Error(
				'civikey_civicrm_unavailable',
				__( 'CiviCRM is not ready, so the key cannot be tested.', 'civikey' ),
				array( 'status' => 503 )
			);
		}
		$result = $this->probe( $url, $key, null );
		if ( is_wp_error( $result ) || $result['ok'] ) {
			return $result;
		}
		$site_key = $this->gateway->site_key();
		if ( null !== $site_key && 401 === $result['status'] && false !== stripos( $result['message'], 'guard' ) ) {
			$retry = $this->probe( $url, $key, $site_key );
			if ( ! is_wp_error( $retry ) && $retry['ok'] ) {
				return $retry;
			}
		}
		return $result;
	}

	/**
	 * One request.
	 *
	 * @param string      $url      The authx/id URL.
	 * @param string      $key      API key.
	 * @param string|null $site_key Site key to send, if any.
	 * @return array{ok: bool, status: int, contact_id: int|null, user_id: int|null, with_site_key: bool, message: string}|WP_Error
	 */
	private function probe( string $url, string $key, ?string $site_key ) {
		$headers = array(
			'X-Civi-Auth' => 'Bearer ' . $key,
			'Accept'      => 'application/json',
		);
		if ( null !== $site_key ) {
			$headers['X-Civi-Key'] = $site_key;
		}
		$response = wp_remote_get(
			$url,
			array(
				'headers'     => $headers,
				'timeout'     => 15,
				'redirection' => 0,
				// No cookies: the request must authenticate by the key alone.
				'cookies'     => array(),
			)
		);
		if ( is_wp_error( $response ) ) {
			return new WP_Error(
				'civikey_key_test_unreachable',
				__( 'This site could not reach its own CiviCRM endpoint, so the key was not tested. Loopback requests may be blocked by a firewall or the web server; the key itself may be fine.', 'civikey' ),
				array( 'status' => 502 )
			);
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		$body   = (string) wp_remote_retrieve_body( $response );
		if ( 200 === $status ) {
			$data       = json_decode( $body, true );
			$contact_id = is_array( $data ) && isset( $data['contact_id'] ) ? (int) $data['contact_id'] : null;
			$user_id    = is_array( $data ) && isset( $data['user_id'] ) ? (int) $data['user_id'] : null;
			return array(
				'ok'            => null !== $contact_id && $contact_id > 0,
				'status'        => $status,
				'contact_id'    => $contact_id,
				'user_id'       => $user_id ? $user_id : null,
				'with_site_key' => null !== $site_key,
				'message'       => null !== $contact_id && $contact_id > 0
					? sprintf(
						/* translators: %d: CiviCRM contact ID. */
						__( 'Authenticated as contact %d.', 'civikey' ),
						$contact_id
					)
					: __( 'CiviCRM answered but did not log the key in: no contact holds this key.', 'civikey' ),
			);
		}
		// AuthX's 401 body is "HTTP 401 <reason>"; the reason never contains the key.
		$reason = trim( (string) preg_replace( '/^HTTP \d+\s*/', '', wp_strip_all_tags( $body ) ) );
		return array(
			'ok'            => false,
			'status'        => $status,
			'contact_id'    => null,
			'user_id'       => null,
			'with_site_key' => null !== $site_key,
			'message'       => sprintf(
				/* translators: 1: HTTP status, 2: AuthX's reason. */
				__( 'CiviCRM refused the key (HTTP %1$d): %2$s', 'civikey' ),
				$status,
				'' !== $reason ? substr( str_replace( $key, '…', $reason ), 0, 300 ) : __( 'no reason given', 'civikey' )
			),
		);
	}
}
