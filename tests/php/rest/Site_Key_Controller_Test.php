<?php
/**
 * Tests for /civikey/v1/site-key and /civikey/v1/connection.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\REST;

use CiviKey\Tests\Test_Case;

/**
 * The site key is masked by default and revealed only on a separate POST to
 * people CiviCRM lets edit keys; the connection route gives the URLs.
 */
class Site_Key_Controller_Test extends Test_Case {

	public function test_reading_says_only_whether_a_site_key_is_defined() {
		$this->login_as( self::factory_user( 'administrator' ) );

		$response = $this->rest( 'GET', '/civikey/v1/site-key' );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame(
			array(
				'defined' => true,
				'length'  => strlen( CIVICRM_SITE_KEY ),
			),
			$response->get_data()
		);
		$this->assertStringNotContainsString( CIVICRM_SITE_KEY, (string) wp_json_encode( $response->get_data() ) );
	}

	public function test_administrators_may_reveal_it_and_it_is_not_cached() {
		$this->login_as( self::factory_user( 'administrator' ) );

		$response = $this->rest( 'POST', '/civikey/v1/site-key/reveal' );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( CIVICRM_SITE_KEY, $response->get_data()['site_key'] );
		$this->assertStringContainsString( 'no-store', $response->get_headers()['Cache-Control'] );
	}

	public function test_revealing_is_a_post_only() {
		$this->login_as( self::factory_user( 'administrator' ) );

		$response = $this->rest( 'GET', '/civikey/v1/site-key/reveal' );

		$this->assertSame( 404, $response->get_status() );
		$this->assertSame( 'rest_no_route', $response->get_data()['code'] );
	}

	public function test_people_civicrm_does_not_let_edit_keys_may_not_reveal_it() {
		add_filter(
			'civikey_manage_capability',
			static function () {
				return 'edit_others_posts';
			}
		);
		$this->grant_editor_civicrm_contact_access();
		$this->login_as( self::factory_user( 'editor' ) );

		$response = $this->rest( 'POST', '/civikey/v1/site-key/reveal' );

		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'civikey_site_key_forbidden', $response->get_data()['code'] );
		$this->assertStringNotContainsString( CIVICRM_SITE_KEY, (string) wp_json_encode( $response->get_data() ) );
	}

	public function test_subscribers_may_not_read_or_reveal() {
		$this->login_as( self::factory_user( 'subscriber' ) );

		$this->assertSame( 403, $this->rest( 'GET', '/civikey/v1/site-key' )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', '/civikey/v1/site-key/reveal' )->get_status() );
	}

	public function test_connection_gives_front_end_urls_and_the_guard_rule() {
		$this->login_as( self::factory_user( 'administrator' ) );

		$response   = $this->rest( 'GET', '/civikey/v1/connection' );
		$connection = $response->get_data();

		$this->assertSame( 200, $response->get_status() );
		$this->assertStringContainsString( 'civicrm/ajax/api4/Contact/get', (string) $connection['api4_url'] );
		$this->assertStringNotContainsString( 'wp-admin', (string) $connection['api4_url'] );
		$this->assertStringContainsString( 'civicrm/authx/id', (string) $connection['authx_id_url'] );
		// AuthX's defaults: guards site_key and perm, xheader accepts api_key.
		$this->assertSame( 'depends_on_user', $connection['site_key_header'] );
		$this->assertTrue( $connection['xheader_accepts_api_key'] );
	}

	public function test_connection_follows_the_guard_setting() {
		$this->login_as( self::factory_user( 'administrator' ) );
		$this->set_guards( array( 'site_key' ) );

		$required = $this->rest( 'GET', '/civikey/v1/connection' )->get_data()['site_key_header'];
		$this->set_guards( array() );
		$open = $this->rest( 'GET', '/civikey/v1/connection' )->get_data()['site_key_header'];
		$this->set_guards( array( 'site_key', 'perm' ) );

		$this->assertSame( 'required', $required );
		$this->assertSame( 'not_required', $open );
	}

	/**
	 * Sets AuthX's guards through the CiviCRM API.
	 *
	 * @param array<int, string> $guards Guards.
	 */
	private function set_guards( array $guards ): void {
		civicrm_api4(
			'Setting',
			'set',
			array(
				'values'           => array( 'authx_guards' => $guards ),
				'checkPermissions' => false,
			)
		);
	}
}
