<?php
/**
 * Every route against every kind of user, on a WordPress network.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Security;

require_once __DIR__ . '/class-route-matrix-case.php';

/**
 * On a network, CiviKey is for super admins: WordPress users are shared by
 * every site, so a key set on a contact linked to one, or a user CiviKey
 * creates, reaches beyond the site; and WordPress itself keeps creating
 * users and granting network-wide power to super admins. A site
 * administrator holds manage_options on their site (and CiviCRM grants the
 * administrator role every CiviCRM permission) but is refused everywhere,
 * on the main site and on another site, unless the network opts in with the
 * civikey_manage_capability filter. Prints the unauthorized successes,
 * which must be 0.
 *
 * Runs in the multisite suite: CIVIKEY_MULTISITE=1 bash bin/test-php.sh.
 *
 * @group multisite
 */
class Multisite_Role_Matrix_Test extends Route_Matrix_Case {

	protected function set_up() {
		parent::set_up();
		if ( ! is_multisite() ) {
			$this->markTestSkipped( 'Needs a WordPress network: run CIVIKEY_MULTISITE=1 bash bin/test-php.sh.' );
		}
		$this->route_loopback_to_civicrm();
	}

	protected function tear_down() {
		while ( ms_is_switched() ) {
			restore_current_blog();
		}
		parent::tear_down();
	}

	public function test_only_super_admins_succeed_on_every_route_of_every_site() {
		$unauthorized = 0;
		$refused      = 0;
		$checked      = 0;
		$sites        = array(
			'main site'   => get_main_site_id(),
			'second site' => $this->second_site_id(),
		);
		foreach ( $sites as $site_name => $site_id ) {
			$other_site = get_main_site_id() === $site_id ? $this->second_site_id() : get_main_site_id();
			switch_to_blog( $site_id );
			$GLOBALS['wp_rest_server'] = null;
			foreach ( $this->users_of( $other_site ) as $who => $user_id ) {
				$intended = 0 === strpos( $who, 'super admin' );
				foreach ( $this->routes() as $name => $route ) {
					$call     = $this->call_route( $route, $user_id );
					$response = $call['response'];
					++$checked;
					if ( $call['succeeded'] && ! $intended ) {
						++$unauthorized;
					}
					if ( ! $call['succeeded'] && $intended ) {
						++$refused;
					}
					$this->assertSame(
						$intended,
						$call['succeeded'],
						sprintf( '%s on %s of the %s answered %d: %s', $who, $name, $site_name, $response->get_status(), wp_json_encode( $response->get_data() ) )
					);
					if ( ! $call['succeeded'] ) {
						$this->assertSame( 0 === $user_id ? 401 : 403, $response->get_status(), "$name on the $site_name must refuse $who with the permission check's answer." );
					}
				}
			}
			restore_current_blog();
		}
		fwrite( STDERR, "\nMultisite role matrix: {$checked} route × user checks on " . count( $sites ) . " sites, unauthorized successes: {$unauthorized}, super admin refusals: {$refused}\n" );
		$this->assertSame( 0, $unauthorized );
		$this->assertSame( 0, $refused );
	}

	public function test_a_network_can_let_site_administrators_in_with_the_filter() {
		add_filter(
			'civikey_manage_capability',
			static function () {
				return 'manage_options';
			}
		);
		switch_to_blog( $this->second_site_id() );
		$GLOBALS['wp_rest_server'] = null;
		$site_admin                = self::factory_user( 'administrator' );
		$routes                    = $this->routes();
		foreach ( array( 'GET status', 'PUT key', 'GET inventory' ) as $name ) {
			$call = $this->call_route( $routes[ $name ], $site_admin );
			$this->assertTrue( $call['succeeded'], "$name answered " . $call['response']->get_status() . ': ' . wp_json_encode( $call['response']->get_data() ) );
		}
		$subscriber = self::factory_user( 'subscriber' );
		$this->assertFalse( $this->call_route( $routes['GET status'], $subscriber )['succeeded'] );
	}

	/**
	 * The users to try on the current site.
	 *
	 * @param int $other_site A site of the network other than the current one.
	 * @return array<string, int>
	 */
	private function users_of( int $other_site ): array {
		self::add_matrix_roles();
		$super_admin = self::factory_user( 'administrator' );
		grant_super_admin( $super_admin );
		// A super admin is one on every site, member or not.
		$super_admin_elsewhere = $this->user_on( $other_site, 'subscriber' );
		grant_super_admin( $super_admin_elsewhere );
		$users = array(
			'anonymous'                          => 0,
			'subscriber'                         => self::factory_user( 'subscriber' ),
			'editor'                             => self::factory_user( 'editor' ),
			'only edit_api_keys'                 => self::factory_user( 'civikey_matrix_keys_only' ),
			'manage_options, no CiviCRM'         => self::factory_user( 'civikey_matrix_site_manager' ),
			'site administrator'                 => self::factory_user( 'administrator' ),
			'administrator of another site'      => $this->user_on( $other_site, 'administrator' ),
			'super admin'                        => $super_admin,
			'super admin, not a member the site' => $super_admin_elsewhere,
		);
		foreach ( $users as $who => $user_id ) {
			$this->assertSame( 0 === strpos( $who, 'super admin' ), is_super_admin( $user_id ), "$who is set up wrong." );
		}
		$this->assertTrue( user_can( $users['site administrator'], 'manage_options' ), 'A site administrator holds manage_options on the site.' );
		$this->assertFalse( is_user_member_of_blog( $users['administrator of another site'] ), 'The other site\'s administrator is no member here.' );
		return $users;
	}

	/**
	 * A user whose only role is on another site.
	 *
	 * @param int    $site_id Site.
	 * @param string $role    Role there.
	 * @return int User ID.
	 */
	private function user_on( int $site_id, string $role ): int {
		switch_to_blog( $site_id );
		$user_id = self::factory_user( $role );
		restore_current_blog();
		return $user_id;
	}

	/**
	 * The network's second site, made by the bootstrap.
	 *
	 * @return int
	 */
	private function second_site_id(): int {
		$site = get_site_by_path( WP_TESTS_DOMAIN, CIVIKEY_TESTS_SECOND_SITE_PATH );
		$this->assertInstanceOf( \WP_Site::class, $site, 'The bootstrap makes a second site.' );
		return (int) $site->blog_id;
	}
}
