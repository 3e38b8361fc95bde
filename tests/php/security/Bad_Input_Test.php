<?php
/**
 * Over a thousand bad requests.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Security;

use CiviKey\Tests\Test_Case;

/**
 * Sends generated bad input to every route as an administrator and checks
 * that each answer is a 4xx with a sentence, that PHP raised nothing, and
 * that no contact, key, link, user or role changed. Prints its figures.
 */
class Bad_Input_Test extends Test_Case {

	public function test_bad_requests_are_refused_and_change_nothing() {
		$this->login_as( self::factory_user( 'administrator' ) );
		$contact_id = $this->civicrm_contact( array( 'api_key' => 'Fuzzkey0123456789abcdefghijklmno' ) );
		$before     = $this->digest();
		$warnings   = 0;
		set_error_handler(
			static function () use ( &$warnings ) {
				++$warnings;
				return true;
			}
		);

		$requests = $this->bad_requests( $contact_id );
		$statuses = array();
		$bad      = array();
		foreach ( $requests as $request ) {
			$response            = $this->rest( $request[0], $request[1], $request[2] );
			$status              = $response->get_status();
			$data                = $response->get_data();
			$statuses[ $status ] = ( $statuses[ $status ] ?? 0 ) + 1;
			$message             = is_array( $data ) && isset( $data['message'] ) ? (string) $data['message'] : '';
			if ( $status < 400 || $status >= 500 || strlen( $message ) < 15 ) {
				$bad[] = sprintf( '%s %s %s → %d %s', $request[0], $request[1], substr( (string) wp_json_encode( $request[2] ), 0, 120 ), $status, substr( $message, 0, 80 ) );
			}
		}
		restore_error_handler();
		$after = $this->digest();
		ksort( $statuses );

		fwrite(
			STDERR,
			sprintf(
				"\nBad input: %d requests; HTTP 500s: %d; answers that were not a 4xx with a sentence: %d; PHP warnings or notices: %d; data changed: %s; statuses: %s\n",
				count( $requests ),
				array_sum( array_intersect_key( $statuses, array_flip( range( 500, 599 ) ) ) ),
				count( $bad ),
				$warnings,
				$before === $after ? 'no' : 'YES',
				(string) wp_json_encode( $statuses )
			)
		);
		$this->assertSame( array(), array_slice( $bad, 0, 20 ), 'Every bad request gets a 4xx with a sentence.' );
		$this->assertGreaterThanOrEqual( 1000, count( $requests ) );
		$this->assertSame( 0, $warnings );
		$this->assertSame( $before, $after, 'No contact, key, link, user or role changed.' );
	}

	/**
	 * Values no field of ours accepts.
	 *
	 * @return array<int, mixed>
	 */
	private static function garbage(): array {
		return array(
			'',
			' ',
			str_repeat( 'A', 100000 ),
			str_repeat( 'é', 5000 ),
			"\0\x01\x02\x1f",
			"line\nbreak",
			"' OR 1=1 --",
			'1; DROP TABLE civicrm_contact',
			'"); DELETE FROM wp_users; --',
			'<script>alert(1)</script>',
			'<img src=x onerror=alert(1)>',
			'javascript:alert(1)',
			'{{7*7}}',
			'${jndi:ldap://x}',
			'../../../../etc/passwd',
			'%00',
			'%27%20OR%201%3D1',
			"\u{202E}gnp.exe",
			"\u{1F600}\u{1F600}",
			'ＡＢＣ',
			-1,
			0,
			PHP_INT_MAX,
			-PHP_INT_MAX,
			1.5,
			true,
			false,
			array(),
			array( 'nested' => array( 'deep' => 'x' ) ),
			array( 1, 2, 3 ),
		);
	}

	/**
	 * Keys the key routes must refuse.
	 *
	 * @return array<int, mixed>
	 */
	private static function bad_keys(): array {
		$keys = array(
			str_repeat( 'a', 33 ),
			str_repeat( 'a', 43 ),
			'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8=',
			str_repeat( 'a', 19 ),
			'',
		);
		foreach ( array( '&', '?', '+', '/', '=', '%', ' ', "\t", '#', '.', '-', '_', 'é', "\0" ) as $character ) {
			$keys[] = 'abcdefghij' . $character . 'klmnopqrstuvwxyz';
			$keys[] = $character . 'abcdefghijklmnopqrstuvwxyz0';
			$keys[] = 'abcdefghijklmnopqrstuvwxyz0' . $character;
		}
		return array_merge( $keys, self::garbage() );
	}

	/**
	 * The requests: [method, route, params].
	 *
	 * @param int $contact_id A keyed contact.
	 * @return array<int, array{0: string, 1: string, 2: array<string, mixed>}>
	 */
	private function bad_requests( int $contact_id ): array {
		$requests = array();
		$ids      = array( '0', '99999999999999999999', '4294967296', '00', '-1', '1e9', 'abc', '1 OR 1=1', '%27', '', '999999999', '1.5', '0x10', ' 1', '<b>1</b>', "1\n", '%2e%2e' );
		foreach ( self::bad_keys() as $key ) {
			$requests[] = array( 'PUT', "/civikey/v1/contacts/$contact_id/key", array( 'key' => $key ) );
			$requests[] = array(
				'PUT',
				"/civikey/v1/contacts/$contact_id/key",
				array(
					'key'     => $key,
					'replace' => true,
				),
			);
			$requests[] = array( 'POST', "/civikey/v1/contacts/$contact_id/key/test", array( 'key' => $key ) );
			// The key route is EDITABLE: POST and PATCH reach it too.
			$requests[] = array( 'PATCH', "/civikey/v1/contacts/$contact_id/key", array( 'key' => $key ) );
			$requests[] = array( 'POST', "/civikey/v1/contacts/$contact_id/key", array( 'key' => $key ) );
			$requests[] = array(
				'POST',
				'/civikey/v1/integrations',
				array(
					'name' => 'Fuzz',
					'key'  => $key,
				),
			);
		}
		foreach ( self::garbage() as $value ) {
			$requests[] = array(
				'PUT',
				"/civikey/v1/contacts/$contact_id/key",
				array(
					'key'     => 'Okkey0123456789abcdefghijklmnopq',
					'replace' => is_bool( $value ) ? 'maybe' : $value,
				),
			);
			$requests[] = array( 'PUT', "/civikey/v1/contacts/$contact_id/key", array( 'keys' => $value ) );
			if ( ! is_string( $value ) || '' === $value || strlen( $value ) > 64 ) {
				$requests[] = array( 'POST', '/civikey/v1/contacts', array( 'name' => $value ) );
				$requests[] = array(
					'POST',
					'/civikey/v1/integrations',
					array(
						'name' => $value,
						'key'  => 'Fuzzkey0123456789abcdefghijklmno',
					),
				);
				$requests[] = array( 'GET', '/civikey/v1/integrations/plan', array( 'name' => $value ) );
			}
			$requests[] = array(
				'POST',
				'/civikey/v1/integrations',
				array(
					'name'    => 'Fuzz',
					'key'     => 'Fuzzkey0123456789abcdefghijklmno',
					'profile' => $value,
				),
			);
			$requests[] = array(
				'POST',
				'/civikey/v1/contacts',
				array(
					'name'         => 'Valid',
					'contact_type' => $value,
				),
			);
			$requests[] = array( 'GET', '/civikey/v1/contacts', array( 'page' => is_int( $value ) && $value > 0 && $value < 100001 ? 'x' : $value ) );
			$requests[] = array( 'GET', '/civikey/v1/contacts', array( 'per_page' => is_int( $value ) && $value > 0 && $value <= 100 ? 1000 : $value ) );
			if ( ! is_string( $value ) || strlen( $value ) > 128 ) {
				$requests[] = array( 'GET', '/civikey/v1/contacts', array( 'search' => $value ) );
			}
			$requests[] = array( 'GET', "/civikey/v1/contacts/$contact_id/report", array( 'profile' => $value ) );
			$requests[] = array(
				'GET',
				"/civikey/v1/contacts/$contact_id/report",
				array(
					'profile'     => 'custom',
					'permissions' => is_array( $value ) && array() !== $value && array( 1, 2, 3 ) !== $value ? $value : array( $value ),
				),
			);
			$requests[] = array( 'POST', "/civikey/v1/contacts/$contact_id/role", array( 'profile' => $value ) );
			$requests[] = array( 'POST', "/civikey/v1/contacts/$contact_id/user", array( 'action' => $value ) );
			$requests[] = array(
				'POST',
				"/civikey/v1/contacts/$contact_id/user",
				array(
					'action'  => 'link',
					'user_id' => is_int( $value ) && $value > 0 ? -5 : $value,
				),
			);
			$requests[] = array( 'POST', '/civikey/v1/inventory/revoke', array( 'contact_ids' => is_array( $value ) && array() !== $value ? array( $value ) : $value ) );
			if ( '' !== $value ) {
				$requests[] = array( 'GET', '/civikey/v1/inventory', array( 'problem' => $value ) );
			}
			$requests[] = array( 'GET', '/civikey/v1/inventory', array( 'per_page' => is_int( $value ) && $value > 0 && $value <= 200 ? 500 : $value ) );
			$requests[] = array( 'GET', '/civikey/v1/audit', array( 'contact_id' => is_int( $value ) && $value > 0 ? -3 : $value ) );
		}
		foreach ( $ids as $id ) {
			foreach ( array( array( 'GET', '' ), array( 'PUT', '/key' ), array( 'DELETE', '/key' ), array( 'GET', '/report' ), array( 'POST', '/user' ), array( 'POST', '/role' ), array( 'POST', '/key/test' ) ) as $route ) {
				$requests[] = array(
					$route[0],
					'/civikey/v1/contacts/' . rawurlencode( $id ) . $route[1],
					array(
						'key'    => 'Okkey0123456789abcdefghijklmnopq',
						'action' => 'create',
					),
				);
			}
		}
		// Every garbage value as a key on a contact that does not exist, too.
		foreach ( self::garbage() as $value ) {
			$requests[] = array( 'PUT', '/civikey/v1/contacts/999999999/key', array( 'key' => $value ) );
			$requests[] = array( 'POST', '/civikey/v1/contacts/999999999/key/test', array( 'key' => $value ) );
		}
		// Missing required fields.
		$requests[] = array( 'PUT', "/civikey/v1/contacts/$contact_id/key", array() );
		$requests[] = array( 'POST', "/civikey/v1/contacts/$contact_id/key/test", array() );
		$requests[] = array( 'POST', '/civikey/v1/contacts', array() );
		$requests[] = array( 'POST', "/civikey/v1/contacts/$contact_id/user", array() );
		$requests[] = array( 'POST', "/civikey/v1/contacts/$contact_id/user", array( 'action' => 'link' ) );
		$requests[] = array( 'POST', '/civikey/v1/inventory/revoke', array() );
		// Methods the routes do not have.
		foreach ( array( '/civikey/v1/status', '/civikey/v1/profiles', '/civikey/v1/site-key', '/civikey/v1/connection', '/civikey/v1/audit' ) as $read_only ) {
			$requests[] = array( 'DELETE', $read_only, array() );
			$requests[] = array( 'PUT', $read_only, array() );
		}
		return $requests;
	}

	/**
	 * A digest of everything a request could change: contacts and keys,
	 * contact–user links, users and roles.
	 *
	 * @return string
	 */
	private function digest(): string {
		$contacts = civicrm_api4(
			'Contact',
			'get',
			array(
				'select'           => array( 'id', 'api_key', 'display_name', 'is_deleted' ),
				'where'            => array( array( 'is_deleted', 'IN', array( true, false ) ) ),
				'orderBy'          => array( 'id' => 'ASC' ),
				'checkPermissions' => false,
			)
		)->getArrayCopy();
		$links    = civicrm_api4(
			'UFMatch',
			'get',
			array(
				'select'           => array( 'contact_id', 'uf_id' ),
				'orderBy'          => array( 'id' => 'ASC' ),
				'checkPermissions' => false,
			)
		)->getArrayCopy();
		$users    = get_users( array( 'fields' => array( 'ID', 'user_login' ) ) );
		return md5( (string) wp_json_encode( array( $contacts, $links, $users, wp_roles()->roles ) ) );
	}
}
