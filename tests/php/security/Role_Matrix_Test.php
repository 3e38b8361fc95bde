<?php
/**
 * Every route against every kind of user.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Security;

use CiviKey\Tests\Test_Case;

/**
 * Only administrators (and users CiviCRM trusts with keys, who also hold the
 * WordPress capability) may use CiviKey's routes. Prints the number of
 * unauthorized successes, which must be 0.
 */
class Role_Matrix_Test extends Test_Case {

	/**
	 * Users of each kind, by name.
	 *
	 * @var array<string, int>
	 */
	private $users = array();

	protected function set_up() {
		parent::set_up();
		// A user CiviCRM would let edit keys, but who lacks WordPress's capability.
		add_role(
			'civikey_matrix_keys_only',
			'Keys only',
			array(
				'read'          => true,
				'edit_api_keys' => true,
			)
		);
		// A site manager in WordPress's sense, with no CiviCRM permission at all.
		add_role(
			'civikey_matrix_site_manager',
			'Site manager',
			array(
				'read'           => true,
				'manage_options' => true,
			)
		);
		$this->users = array(
			'anonymous'                  => 0,
			'subscriber'                 => self::factory_user( 'subscriber' ),
			'editor'                     => self::factory_user( 'editor' ),
			'only edit_api_keys'         => self::factory_user( 'civikey_matrix_keys_only' ),
			'manage_options, no CiviCRM' => self::factory_user( 'civikey_matrix_site_manager' ),
			'administrator'              => self::factory_user( 'administrator' ),
		);
	}

	public function test_only_the_intended_users_succeed_on_every_route() {
		$unauthorized = 0;
		$checked      = 0;
		$table        = array();
		foreach ( $this->users as $who => $user_id ) {
			foreach ( $this->routes() as $name => $route ) {
				$contact_id = $this->civicrm_contact( array( 'api_key' => $route['key'] ? \CiviKey\Keys\Key_Policy::generate() : null ) );
				$params     = json_decode( str_replace( '"{id}"', (string) $contact_id, (string) wp_json_encode( $route['params'] ) ), true );
				$this->login_as( $user_id );
				$response = $this->rest( $route['method'], str_replace( '{id}', (string) $contact_id, $route['path'] ), $params );
				$this->login_as( 0 );
				$succeeded = $response->get_status() < 400;
				if ( $succeeded && 'POST bulk revoke' === $name ) {
					// A 200 lists each contact's outcome; only a revocation is a success.
					$succeeded = (bool) $response->get_data()[0]['revoked'];
				}
				$intended = 'administrator' === $who || ( 'manage_options, no CiviCRM' === $who && $route['wordpress_only'] );
				++$checked;
				if ( $succeeded && ! $intended ) {
					++$unauthorized;
				}
				$table[] = sprintf( '%-28s %-22s %d', $who, $name, $response->get_status() );
				$this->assertSame(
					$intended,
					$succeeded,
					sprintf( '%s on %s answered %d: %s', $who, $name, $response->get_status(), wp_json_encode( $response->get_data() ) )
				);
				if ( ! $succeeded && 0 === $user_id ) {
					$this->assertSame( 401, $response->get_status(), "$name must ask anonymous visitors to log in." );
				}
			}
		}
		fwrite( STDERR, "\nRole matrix: {$checked} route × user checks, unauthorized successes: {$unauthorized}\n" );
		$this->assertSame( 0, $unauthorized );
	}

	/**
	 * Every route, with parameters that succeed for an administrator.
	 *
	 * @return array<string, array{method: string, path: string, params: array<string, mixed>, key: bool, wordpress_only: bool}>
	 */
	private function routes(): array {
		$route = static function ( string $method, string $path, array $params = array(), bool $key = false, bool $wordpress_only = false ): array {
			return compact( 'method', 'path', 'params', 'key', 'wordpress_only' );
		};
		return array(
			'GET status'       => $route( 'GET', '/civikey/v1/status', array(), false, true ),
			'GET profiles'     => $route( 'GET', '/civikey/v1/profiles', array(), false, true ),
			'GET contacts'     => $route( 'GET', '/civikey/v1/contacts', array( 'search' => 'Test' ) ),
			'GET contact'      => $route( 'GET', '/civikey/v1/contacts/{id}' ),
			'POST contacts'    => $route( 'POST', '/civikey/v1/contacts', array( 'name' => 'Matrix' ) ),
			'PUT key'          => $route( 'PUT', '/civikey/v1/contacts/{id}/key', array( 'key' => 'Matrixnew0123456789abcdefghijklm' ) ),
			'DELETE key'       => $route( 'DELETE', '/civikey/v1/contacts/{id}/key', array(), true ),
			'GET site-key'     => $route( 'GET', '/civikey/v1/site-key', array(), false, true ),
			'POST reveal'      => $route( 'POST', '/civikey/v1/site-key/reveal' ),
			'GET connection'   => $route( 'GET', '/civikey/v1/connection', array(), false, true ),
			'GET report'       => $route( 'GET', '/civikey/v1/contacts/{id}/report' ),
			'POST user'        => $route( 'POST', '/civikey/v1/contacts/{id}/user', array( 'action' => 'create' ) ),
			'GET inventory'    => $route( 'GET', '/civikey/v1/inventory', array(), true ),
			'POST bulk revoke' => $route( 'POST', '/civikey/v1/inventory/revoke', array( 'contact_ids' => array( '{id}' ) ), true ),
			'GET audit'        => $route( 'GET', '/civikey/v1/audit', array(), false, true ),
			'GET site-health'  => $route( 'GET', '/civikey/v1/site-health', array(), false, true ),
		);
	}
}
