<?php
/**
 * Tests for the permission report.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Permissions;

use CiviKey\Permissions\Capability_Map;
use CiviKey\Permissions\Permission_Report;
use CiviKey\Tests\Test_Case;

/**
 * The report is pure logic over facts, so each situation is a row of data.
 */
class Permission_Report_Test extends Test_Case {

	private const READ_CONTACTS = array( 'access AJAX API', 'view all contacts' );

	/**
	 * Facts for a healthy default: AuthX on with its defaults, a site key,
	 * a contact with no user yet.
	 *
	 * @param array<string, mixed> $overrides Replaced top-level facts.
	 * @return array<string, mixed>
	 */
	private static function facts( array $overrides = array() ): array {
		return array_merge(
			array(
				'contact'                 => array(
					'id'           => 42,
					'display_name' => 'Zapier',
					'is_deleted'   => false,
				),
				'user'                    => null,
				'anonymous_capabilities'  => array(),
				'authx'                   => array(
					'state'    => 'enabled',
					'settings' => self::authx_settings(),
				),
				'site_key_defined'        => true,
				'required'                => self::READ_CONTACTS,
				'current_user_contact_id' => 1,
			),
			$overrides
		);
	}

	/**
	 * AuthX settings, defaults unless overridden.
	 *
	 * @param array<int, string>                $guards      Guards.
	 * @param array<string, array<int, string>> $credentials Credentials per flow.
	 * @param string                            $user_mode   User mode of the X-Civi-Auth flow.
	 * @return array<string, mixed>
	 */
	private static function authx_settings( array $guards = array( 'site_key', 'perm' ), array $credentials = array(), string $user_mode = 'optional' ): array {
		$flows = array();
		foreach ( array( 'xheader', 'header', 'param', 'legacyrest' ) as $flow ) {
			$flows[ $flow ] = array(
				'credentials' => $credentials[ $flow ] ?? array( 'jwt', 'api_key' ),
				'user_mode'   => 'xheader' === $flow ? $user_mode : 'optional',
			);
		}
		return array(
			'guards' => $guards,
			'flows'  => $flows,
		);
	}

	/**
	 * A linked WordPress user.
	 *
	 * @param array<int, string> $roles        Roles.
	 * @param array<int, string> $permissions  CiviCRM permissions its roles grant.
	 * @param bool               $super_admin  Network super admin.
	 * @return array<string, mixed>
	 */
	private static function user( array $roles, array $permissions = array(), bool $super_admin = false ): array {
		$capabilities = array();
		foreach ( $permissions as $permission ) {
			$capabilities[ Capability_Map::capability( $permission ) ] = true;
		}
		return array(
			'id'             => 7,
			'exists'         => true,
			'login'          => 'zapier',
			'roles'          => $roles,
			'is_super_admin' => $super_admin,
			'capabilities'   => $capabilities,
		);
	}

	/**
	 * Each situation with its verdict, whether the site key is needed, the
	 * status of one check, and a phrase the summary must contain.
	 *
	 * @return array<string, array{0: array<string, mixed>, 1: string, 2: bool, 3: string, 4: string, 5: string}>
	 */
	public function data_situations(): array {
		$api_client = array( 'access AJAX API', 'view all contacts', 'authenticate with api key' );
		return array(
			'no linked user'                     => array( self::facts(), 'anonymous', true, 'user', 'warn', 'anonymous visitor' ),
			'no linked user, AuthX requires one' => array(
				self::facts(
					array(
						'authx' => array(
							'state'    => 'enabled',
							'settings' => self::authx_settings(
								array(
									'site_key',
									'perm',
								),
								array(),
								'require'
							),
						),
					)
				),
				'refused',
				true,
				'user',
				'fail',
				'needs a WordPress user',
			),
			'subscriber'                         => array( self::facts( array( 'user' => self::user( array( 'subscriber' ) ) ) ), 'refused', true, 'permissions', 'fail', 'lacks "access AJAX API", "view all contacts"' ),
			'editor given the capabilities'      => array( self::facts( array( 'user' => self::user( array( 'editor' ), $api_client ) ) ), 'works', false, 'guard', 'pass', 'works' ),
			'editor without authenticate perm'   => array( self::facts( array( 'user' => self::user( array( 'editor' ), self::READ_CONTACTS ) ) ), 'works', true, 'guard', 'warn', 'site key' ),
			'administrator'                      => array( self::facts( array( 'user' => self::user( array( 'administrator' ) ) ) ), 'works', false, 'permissions', 'pass', 'works' ),
			'custom role'                        => array( self::facts( array( 'user' => self::user( array( 'civicrm_api_client' ), $api_client ) ) ), 'works', false, 'user', 'pass', 'works' ),
			'multisite super admin with no role' => array( self::facts( array( 'user' => self::user( array(), array(), true ) ) ), 'works', false, 'permissions', 'pass', 'works' ),
			'AuthX disabled'                     => array(
				self::facts(
					array(
						'user'  => self::user( array( 'administrator' ) ),
						'authx' => array(
							'state'    => 'disabled',
							'settings' => null,
						),
					)
				),
				'refused',
				false,
				'authx',
				'fail',
				'AuthX extension is disabled',
			),
			'AuthX not installed'                => array(
				self::facts(
					array(
						'authx' => array(
							'state'    => 'not_installed',
							'settings' => null,
						),
					)
				),
				'refused',
				false,
				'authx',
				'fail',
				'not installed',
			),
			'AuthX requiring the site key'       => array(
				self::facts(
					array(
						'user'  => self::user( array( 'editor' ), $api_client ),
						'authx' => array(
							'state'    => 'enabled',
							'settings' => self::authx_settings( array( 'site_key' ) ),
						),
					)
				),
				'works',
				true,
				'guard',
				'warn',
				'site key',
			),
			'site-key guard but no site key'     => array(
				self::facts(
					array(
						'user'             => self::user( array( 'editor' ), self::READ_CONTACTS ),
						'site_key_defined' => false,
					)
				),
				'refused',
				false,
				'guard',
				'fail',
				'no AuthX guard can pass',
			),
			'no guards'                          => array(
				self::facts(
					array(
						'user'  => self::user( array( 'editor' ), self::READ_CONTACTS ),
						'authx' => array(
							'state'    => 'enabled',
							'settings' => self::authx_settings( array() ),
						),
					)
				),
				'works',
				false,
				'guard',
				'pass',
				'works',
			),
			'Authorization header flow disabled' => array(
				self::facts(
					array(
						'user'  => self::user( array( 'editor' ), $api_client ),
						'authx' => array(
							'state'    => 'enabled',
							'settings' => self::authx_settings(
								array(
									'site_key',
									'perm',
								),
								array( 'header' => array( 'jwt' ) )
							),
						),
					)
				),
				'works',
				false,
				'header_flow',
				'info',
				'works',
			),
			'X-Civi-Auth flow refuses api keys'  => array(
				self::facts(
					array(
						'user'  => self::user( array( 'administrator' ) ),
						'authx' => array(
							'state'    => 'enabled',
							'settings' => self::authx_settings(
								array(
									'site_key',
									'perm',
								),
								array( 'xheader' => array( 'jwt' ) )
							),
						),
					)
				),
				'refused',
				false,
				'flow',
				'fail',
				'X-Civi-Auth',
			),
			'user mode ignore'                   => array(
				self::facts(
					array(
						'user'  => self::user( array( 'administrator' ) ),
						'authx' => array(
							'state'    => 'enabled',
							'settings' => self::authx_settings(
								array(
									'site_key',
									'perm',
								),
								array(),
								'ignore'
							),
						),
					)
				),
				'anonymous',
				true,
				'user',
				'warn',
				'anonymous visitor',
			),
			'linked user deleted'                => array(
				self::facts( array( 'user' => array( 'exists' => false ) + self::user( array() ) ) ),
				'refused',
				true,
				'user',
				'fail',
				'needs a WordPress user',
			),
			'contact in the trash'               => array(
				self::facts(
					array(
						'user'    => self::user( array( 'administrator' ) ),
						'contact' => array(
							'id'           => 42,
							'display_name' => 'Zapier',
							'is_deleted'   => true,
						),
					)
				),
				'refused',
				false,
				'contact',
				'fail',
				'trash',
			),
			'settings unreadable: defaults'      => array(
				self::facts(
					array(
						'user'  => self::user( array( 'editor' ), $api_client ),
						'authx' => array(
							'state'    => 'enabled',
							'settings' => null,
						),
					)
				),
				'works',
				false,
				'flow',
				'warn',
				'works',
			),
		);
	}

	/**
	 * The verdict and the relevant check for each situation.
	 *
	 * @dataProvider data_situations
	 *
	 * @param array<string, mixed> $facts          Facts.
	 * @param string               $verdict        Expected verdict.
	 * @param bool                 $needs_site_key Expected need for the site key.
	 * @param string               $check          Check to look at.
	 * @param string               $status         Its expected status.
	 * @param string               $phrase         Phrase the summary contains.
	 */
	public function test_verdict( array $facts, string $verdict, bool $needs_site_key, string $check, string $status, string $phrase ) {
		$report = ( new Permission_Report( $facts ) )->build();

		$this->assertSame( $verdict, $report['verdict'] );
		$this->assertSame( $needs_site_key, $report['needs_site_key'] );
		$this->assertSame( $status, $this->check( $report, $check )['status'] );
		$this->assertStringContainsString( $phrase, $report['summary'] );
	}

	public function test_every_failed_check_offers_a_fix() {
		foreach ( $this->data_situations() as $name => $row ) {
			$report = ( new Permission_Report( $row[0] ) )->build();
			foreach ( $report['checks'] as $check ) {
				if ( 'fail' === $check['status'] ) {
					$this->assertNotEmpty( $check['fix_how'], "$name: {$check['id']} fails without saying how to fix it." );
				}
			}
		}
	}

	public function test_a_user_without_permissions_gets_the_role_fix() {
		$report = ( new Permission_Report( self::facts( array( 'user' => self::user( array( 'subscriber' ) ) ) ) ) )->build();

		$this->assertSame( 'apply_role', $this->check( $report, 'permissions' )['fix'] );
	}

	public function test_a_contact_without_a_user_gets_the_create_user_fix() {
		$report = ( new Permission_Report( self::facts() ) )->build();

		$this->assertSame( 'create_user', $this->check( $report, 'user' )['fix'] );
		$this->assertSame( 'anonymous', $report['runs_as']['type'] );
	}

	public function test_required_and_present_permissions_are_listed_with_their_capabilities() {
		$report = ( new Permission_Report( self::facts( array( 'user' => self::user( array( 'editor' ), array( 'access AJAX API' ) ) ) ) ) )->build();
		$rows   = array_column( $report['permissions'], null, 'permission' );

		$this->assertSame( 'access_ajax_api', $rows['access AJAX API']['capability'] );
		$this->assertTrue( $rows['access AJAX API']['required'] );
		$this->assertTrue( $rows['access AJAX API']['present'] );
		$this->assertTrue( $rows['view all contacts']['required'] );
		$this->assertFalse( $rows['view all contacts']['present'] );
		$this->assertFalse( $rows['administer CiviCRM']['required'] );
		$this->assertSame( 'authenticate_with_api_key', $rows['authenticate with api key']['capability'] );
	}

	public function test_anonymous_requests_are_judged_by_the_anonymous_role() {
		$report = ( new Permission_Report(
			self::facts(
				array(
					'anonymous_capabilities' => array(
						'access_ajax_api'           => true,
						'view_all_contacts'         => true,
						'authenticate_with_api_key' => true,
					),
				)
			)
		) )->build();

		$this->assertSame( 'anonymous', $report['verdict'] );
		$this->assertFalse( $report['needs_site_key'] );
		$this->assertSame( 'pass', $this->check( $report, 'permissions' )['status'] );
	}

	/**
	 * Least-privilege warnings.
	 *
	 * @return array<string, array{0: array<string, mixed>, 1: array<int, string>}>
	 */
	public function data_warnings(): array {
		return array(
			'administrator'                 => array( self::facts( array( 'user' => self::user( array( 'administrator' ) ) ) ), array( 'administrator' ) ),
			'super admin'                   => array( self::facts( array( 'user' => self::user( array(), array(), true ) ) ), array( 'administrator' ) ),
			'administer CiviCRM not needed' => array( self::facts( array( 'user' => self::user( array( 'editor' ), array( 'administer CiviCRM', 'access AJAX API' ) ) ) ), array( 'administer_civicrm' ) ),
			'administer CiviCRM asked for'  => array(
				self::facts(
					array(
						'user'     => self::user( array( 'editor' ), array( 'administer CiviCRM', 'access AJAX API' ) ),
						'required' => array( 'access AJAX API', 'administer CiviCRM' ),
					)
				),
				array(),
			),
			'own contact'                   => array( self::facts( array( 'current_user_contact_id' => 42 ) ), array( 'own_contact' ) ),
			'dedicated role, other contact' => array( self::facts( array( 'user' => self::user( array( 'civicrm_api_client' ), self::READ_CONTACTS ) ) ), array() ),
		);
	}

	/**
	 * Which warnings each situation raises.
	 *
	 * @dataProvider data_warnings
	 *
	 * @param array<string, mixed> $facts    Facts.
	 * @param array<int, string>   $expected Warning IDs.
	 */
	public function test_least_privilege_warnings( array $facts, array $expected ) {
		$report = ( new Permission_Report( $facts ) )->build();

		$this->assertSame( $expected, array_column( $report['warnings'], 'id' ) );
	}

	/**
	 * One check of a report.
	 *
	 * @param array<string, mixed> $report Report.
	 * @param string               $id     Check ID.
	 * @return array<string, mixed>
	 */
	private function check( array $report, string $id ): array {
		foreach ( $report['checks'] as $check ) {
			if ( $check['id'] === $id ) {
				return $check;
			}
		}
		$this->fail( "No check '$id' in: " . implode( ', ', array_column( $report['checks'], 'id' ) ) );
	}
}
