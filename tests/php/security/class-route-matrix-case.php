<?php
/**
 * Every CiviKey route, for the role matrices.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Security;

use CiviKey\Tests\Test_Case;
use WP_REST_Response;

/**
 * What the single-site and the multisite role matrices share: each route
 * with parameters that succeed for someone allowed to use it, and whether
 * that call counts as a success.
 */
abstract class Route_Matrix_Case extends Test_Case {

	/**
	 * The two roles both matrices try besides WordPress's own: one CiviCRM
	 * would let edit keys but that lacks WordPress's capability, and a site
	 * manager in WordPress's sense with no CiviCRM permission at all.
	 */
	protected static function add_matrix_roles(): void {
		add_role(
			'civikey_matrix_keys_only',
			'Keys only',
			array(
				'read'          => true,
				'edit_api_keys' => true,
			)
		);
		add_role(
			'civikey_matrix_site_manager',
			'Site manager',
			array(
				'read'           => true,
				'manage_options' => true,
			)
		);
	}

	/**
	 * Calls a route as a user, on a contact made for the call.
	 *
	 * @param array{method: string, path: string, params: array<string, mixed>, key: bool, wordpress_only: bool, linked_user: bool} $route   Route.
	 * @param int                                                                                                                   $user_id User (0 for anonymous).
	 * @return array{response: WP_REST_Response, succeeded: bool}
	 */
	protected function call_route( array $route, int $user_id ): array {
		$contact_id = $this->civicrm_contact( array( 'api_key' => $route['key'] ? \CiviKey\Keys\Key_Policy::generate() : null ) );
		if ( $route['linked_user'] ) {
			$this->link_contact_to_user( $contact_id, self::factory_user( '' ) );
		}
		// A fresh key each call, since a key may be on one contact only.
		$params = json_decode(
			str_replace(
				array( '"{id}"', '{key}' ),
				array( (string) $contact_id, \CiviKey\Keys\Key_Policy::generate() ),
				(string) wp_json_encode( $route['params'] )
			),
			true
		);
		$this->login_as( $user_id );
		$response = $this->rest( $route['method'], str_replace( '{id}', (string) $contact_id, $route['path'] ), $params );
		$this->login_as( 0 );
		$succeeded = $response->get_status() < 400;
		if ( $succeeded && '/civikey/v1/inventory/revoke' === $route['path'] ) {
			// A 200 lists each contact's outcome; only a revocation is a success.
			$succeeded = (bool) $response->get_data()[0]['revoked'];
		}
		return compact( 'response', 'succeeded' );
	}

	/**
	 * Every route, with parameters that succeed for an administrator.
	 *
	 * `wordpress_only`: the route needs only the WordPress capability, not
	 * CiviCRM's permission to edit keys. `key`: the contact has a key first.
	 * `linked_user`: the contact has a WordPress user first. `{id}` stands for
	 * the contact, `{key}` for a new key.
	 *
	 * @return array<string, array{method: string, path: string, params: array<string, mixed>, key: bool, wordpress_only: bool, linked_user: bool}>
	 */
	protected function routes(): array {
		$route = static function ( string $method, string $path, array $params = array(), bool $key = false, bool $wordpress_only = false, bool $linked_user = false ): array {
			return compact( 'method', 'path', 'params', 'key', 'wordpress_only', 'linked_user' );
		};
		return array(
			'GET status'         => $route( 'GET', '/civikey/v1/status', array(), false, true ),
			'GET profiles'       => $route( 'GET', '/civikey/v1/profiles', array(), false, true ),
			'GET contacts'       => $route( 'GET', '/civikey/v1/contacts', array( 'search' => 'Test' ) ),
			'GET contact'        => $route( 'GET', '/civikey/v1/contacts/{id}' ),
			'POST contacts'      => $route( 'POST', '/civikey/v1/contacts', array( 'name' => 'Matrix' ) ),
			'PUT key'            => $route( 'PUT', '/civikey/v1/contacts/{id}/key', array( 'key' => '{key}' ) ),
			'DELETE key'         => $route( 'DELETE', '/civikey/v1/contacts/{id}/key', array(), true ),
			'POST key test'      => $route( 'POST', '/civikey/v1/contacts/{id}/key/test', array( 'key' => '{key}' ) ),
			'GET site-key'       => $route( 'GET', '/civikey/v1/site-key', array(), false, true ),
			'POST reveal'        => $route( 'POST', '/civikey/v1/site-key/reveal' ),
			'GET connection'     => $route( 'GET', '/civikey/v1/connection', array(), false, true ),
			'GET report'         => $route( 'GET', '/civikey/v1/contacts/{id}/report' ),
			'POST user'          => $route( 'POST', '/civikey/v1/contacts/{id}/user', array( 'action' => 'create' ) ),
			'POST role'          => $route( 'POST', '/civikey/v1/contacts/{id}/role', array( 'profile' => 'read_contacts' ), false, false, true ),
			'GET inventory'      => $route( 'GET', '/civikey/v1/inventory', array(), true ),
			'GET problem labels' => $route( 'GET', '/civikey/v1/inventory/problems', array(), false, true ),
			'POST bulk revoke'   => $route( 'POST', '/civikey/v1/inventory/revoke', array( 'contact_ids' => array( '{id}' ) ), true ),
			'GET audit'          => $route( 'GET', '/civikey/v1/audit', array(), false, true ),
			'GET site-health'    => $route( 'GET', '/civikey/v1/site-health', array(), false, true ),
			'GET inventory sums' => $route( 'GET', '/civikey/v1/inventory/summary', array(), true ),
			'GET setup plan'     => $route( 'GET', '/civikey/v1/integrations/plan', array( 'name' => 'Matrix plan' ) ),
			'POST integrations'  => $route(
				'POST',
				'/civikey/v1/integrations',
				array(
					'name' => 'Matrix setup',
					'key'  => '{key}',
				)
			),
		);
	}
}
