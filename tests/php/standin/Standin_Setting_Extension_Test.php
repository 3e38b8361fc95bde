<?php
/**
 * Setting and Extension.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Standin;

require_once __DIR__ . '/class-standin-test-case.php';

/**
 * AuthX settings and the AuthX extension.
 */
class Standin_Setting_Extension_Test extends Standin_Test_Case {

	/**
	 * Setting values by name, permissions off.
	 *
	 * @param array<int, string> $names Names.
	 * @return array<string, mixed>
	 */
	private function settings( array $names ): array {
		return civicrm_api4(
			'Setting',
			'get',
			array(
				'select'           => $names,
				'checkPermissions' => false,
			)
		)->column( 'value', 'name' );
	}

	/**
	 * Core's defaults: guards site_key and perm; xheader/header/param accept
	 * API keys; users optional, except legacyrest which requires one.
	 *
	 * @see civicrm-core ext/authx/settings/authx.setting.php
	 */
	public function test_authx_defaults() {
		$this->assertSame(
			array(
				'authx_guards'          => array( 'site_key', 'perm' ),
				'authx_xheader_cred'    => array( 'jwt', 'api_key' ),
				'authx_header_cred'     => array( 'jwt', 'api_key' ),
				'authx_param_cred'      => array( 'jwt', 'api_key' ),
				'authx_login_cred'      => array( 'jwt' ),
				'authx_xheader_user'    => 'optional',
				'authx_legacyrest_user' => 'require',
			),
			$this->settings( array( 'authx_guards', 'authx_xheader_cred', 'authx_header_cred', 'authx_param_cred', 'authx_login_cred', 'authx_xheader_user', 'authx_legacyrest_user' ) )
		);
	}

	/**
	 * Set then get; NULL goes back to the default.
	 *
	 * @see civicrm-core Civi/Core/SettingsBag.php setDb() (serialize; NULL stored as 'null')
	 */
	public function test_set_and_reset() {
		civicrm_api4(
			'Setting',
			'set',
			array(
				'values'           => array( 'authx_guards' => array() ),
				'checkPermissions' => false,
			)
		);
		$this->assertSame( array( 'authx_guards' => array() ), $this->settings( array( 'authx_guards' ) ) );

		civicrm_api4(
			'Setting',
			'set',
			array(
				'values'           => array( 'authx_guards' => null ),
				'checkPermissions' => false,
			)
		);
		$this->assertSame( array( 'authx_guards' => array( 'site_key', 'perm' ) ), $this->settings( array( 'authx_guards' ) ) );
	}

	/**
	 * Unknown settings are refused.
	 *
	 * @see civicrm-core Civi/Api4/Action/Setting/AbstractSettingAction.php validateSettings()
	 */
	public function test_unknown_settings_are_refused() {
		$this->assertThrowsExactly(
			'CRM_Core_Exception',
			'Unknown settings for domain 1: authx_nonsense',
			fn() => $this->settings( array( 'authx_nonsense' ) )
		);
	}

	/**
	 * The authx_* settings belong to the extension: without it they do not exist.
	 *
	 * @see civicrm-core ext/authx/info.xml (mixin setting-php)
	 *
	 * @group standin-only
	 */
	public function test_authx_settings_vanish_with_the_extension() {
		update_option( 'civicrm_standin_authx_status', 'disabled' );

		$this->assertThrowsExactly( 'CRM_Core_Exception', 'Unknown settings for domain 1: authx_guards', fn() => $this->settings( array( 'authx_guards' ) ) );
	}

	/**
	 * Setting and Extension need 'administer CiviCRM'.
	 *
	 * @see civicrm-core CRM/Core/Permission.php getEntityActionPermissions() ($permissions['default'])
	 */
	public function test_settings_and_extensions_need_administer_civicrm() {
		$this->login_as( $this->user_with( array( 'access_civicrm' ) ) );

		$this->assertThrowsExactly( 'Civi\\API\\Exception\\UnauthorizedException', 'Authorization failed: CiviCRM APIv4 (Setting::get)', static fn() => civicrm_api4( 'Setting', 'get', array( 'select' => array( 'authx_guards' ) ) ) );
		$this->assertThrowsExactly( 'Civi\\API\\Exception\\UnauthorizedException', 'Authorization failed: CiviCRM APIv4 (Extension::get)', static fn() => civicrm_api4( 'Extension', 'get' ) );
	}

	/**
	 * AuthX is installed and enabled by default.
	 *
	 * @see civicrm-core Civi/Api4/Action/Extension/Get.php
	 * @see civicrm-core CRM/Extension/Manager.php STATUS_INSTALLED
	 */
	public function test_authx_is_installed_by_default() {
		$this->assertSame( 'installed', self::authx_status() );
	}

	/**
	 * The stand-in's option flips AuthX's status.
	 *
	 * @see civicrm-core CRM/Extension/Manager.php STATUS_INSTALLED, STATUS_DISABLED, STATUS_UNINSTALLED
	 *
	 * @group standin-only
	 */
	public function test_extension_status_switch() {
		update_option( 'civicrm_standin_authx_status', 'uninstalled' );
		$this->assertSame( 'uninstalled', self::authx_status() );
	}

	/**
	 * AuthX's status as Extension.get reports it.
	 *
	 * @return string
	 */
	private static function authx_status(): string {
		return civicrm_api4(
			'Extension',
			'get',
			array(
				'select'           => array( 'key', 'status' ),
				'where'            => array( array( 'key', '=', 'authx' ) ),
				'checkPermissions' => false,
			)
		)->single()['status'];
	}
}
