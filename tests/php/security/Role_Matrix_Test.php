<?php
/**
 * Every route against every kind of user.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Security;

require_once __DIR__ . '/class-route-matrix-case.php';

/**
 * Only administrators (and users CiviCRM trusts with keys, who also hold the
 * WordPress capability) may use CiviKey's routes. Prints the number of
 * unauthorized successes, which must be 0.
 */
class Role_Matrix_Test extends Route_Matrix_Case {

	/**
	 * Users of each kind, by name.
	 *
	 * @var array<string, int>
	 */
	private $users = array();

	protected function set_up() {
		parent::set_up();
		$this->route_loopback_to_civicrm();
		self::add_matrix_roles();
		$this->users = array(
			'anonymous'                  => 0,
			'subscriber'                 => self::factory_user( 'subscriber' ),
			'editor'                     => self::factory_user( 'editor' ),
			'only edit_api_keys'         => self::factory_user( 'civikey_matrix_keys_only' ),
			'manage_options, no CiviCRM' => self::factory_user( 'civikey_matrix_site_manager' ),
			'administrator'              => self::factory_user( 'administrator' ),
		);
	}

	/**
	 * A route added to CiviKey but not to routes() would go untested.
	 */
	public function test_the_matrix_covers_every_route_and_method() {
		$matrix    = $this->routes();
		$uncovered = array();
		$endpoints = 0;
		foreach ( rest_get_server()->get_routes( 'civikey/v1' ) as $pattern => $handlers ) {
			if ( '/civikey/v1' === $pattern ) {
				continue;
			}
			foreach ( $handlers as $handler ) {
				++$endpoints;
				$methods = array_keys( array_filter( $handler['methods'] ) );
				$covered = array_filter(
					$matrix,
					static function ( array $route ) use ( $pattern, $methods ): bool {
						return in_array( $route['method'], $methods, true )
							&& preg_match( '@^' . $pattern . '$@', str_replace( '{id}', '7', $route['path'] ) );
					}
				);
				if ( ! $covered ) {
					$uncovered[] = implode( ',', $methods ) . ' ' . $pattern;
				}
			}
		}
		$this->assertGreaterThan( 15, $endpoints, 'CiviKey registered fewer routes than expected.' );
		$this->assertSame( array(), $uncovered, 'Add these routes to the role matrix.' );
	}

	public function test_only_the_intended_users_succeed_on_every_route() {
		$unauthorized = 0;
		$checked      = 0;
		foreach ( $this->users as $who => $user_id ) {
			foreach ( $this->routes() as $name => $route ) {
				$call     = $this->call_route( $route, $user_id );
				$response = $call['response'];
				$intended = 'administrator' === $who || ( 'manage_options, no CiviCRM' === $who && $route['wordpress_only'] );
				++$checked;
				if ( $call['succeeded'] && ! $intended ) {
					++$unauthorized;
				}
				$this->assertSame(
					$intended,
					$call['succeeded'],
					sprintf( '%s on %s answered %d: %s', $who, $name, $response->get_status(), wp_json_encode( $response->get_data() ) )
				);
				if ( ! $call['succeeded'] && 0 === $user_id ) {
					$this->assertSame( 401, $response->get_status(), "$name must ask anonymous visitors to log in." );
				}
			}
		}
		fwrite( STDERR, "\nRole matrix: {$checked} route × user checks, unauthorized successes: {$unauthorized}\n" );
		$this->assertSame( 0, $unauthorized );
	}
}
