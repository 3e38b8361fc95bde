<?php
/**
 * Base class for the CiviCRM stand-in's contract tests.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Standin;

use CiviKey\Tests\Test_Case;
use CiviCRM_Standin\Authx_Endpoint;
use CiviCRM_Standin\Mode;
use CiviCRM_Standin\Plugin;

/**
 * Helpers for pinning the stand-in's behaviour to civicrm-core's.
 *
 * These contract tests also run against the real CiviCRM
 * (CIVIKEY_CIVICRM=real), which is how they are checked. Tests of the
 * stand-in's own machinery (its classes, its option switches, its version
 * marker) are in the group `standin-only`, which bin/test-php.sh excludes in
 * real mode; run there anyway, they fail rather than pass or skip. With
 * CIVIKEY_CIVICRM=none they all skip.
 */
abstract class Standin_Test_Case extends Test_Case {

	/**
	 * WordPress users whose UFMatch rows the test created.
	 *
	 * @var array<int, int>
	 */
	private $linked_users = array();

	/**
	 * Skips without any CiviCRM; initialises CiviCRM.
	 */
	protected function set_up() {
		parent::set_up();
		if ( 'none' === CIVIKEY_TESTS_CIVICRM ) {
			$this->markTestSkipped( 'No CiviCRM is loaded (CIVIKEY_CIVICRM=none).' );
		}
		if ( self::is_real() && in_array( 'standin-only', $this->getGroups(), true ) ) {
			$this->fail( 'This test checks the stand-in itself and means nothing against the real CiviCRM: run real mode with --exclude-group standin-only (bin/test-php.sh does).' );
		}
		$this->assertTrue( civicrm_initialize() );
	}

	/**
	 * Unlinks users (a linked contact cannot be deleted for good) and puts
	 * the stand-in's switches back.
	 */
	protected function tear_down() {
		$standin = class_exists( Plugin::class );
		if ( $this->linked_users && function_exists( 'civicrm_api4' ) ) {
			if ( $standin ) {
				Mode::set_for_request( Mode::READY );
			}
			civicrm_api4(
				'UFMatch',
				'delete',
				array(
					'where'            => array( array( 'uf_id', 'IN', $this->linked_users ) ),
					'checkPermissions' => false,
				)
			);
		}
		$this->linked_users = array();
		if ( $standin ) {
			Mode::set_for_request( Mode::READY );
			Plugin::reset();
			Authx_Endpoint::$finish = null;
		}
		parent::tear_down();
	}

	/**
	 * Whether this run is against the real CiviCRM.
	 *
	 * @return bool
	 */
	protected static function is_real(): bool {
		return 'real' === CIVIKEY_TESTS_CIVICRM;
	}

	/**
	 * A user whose role has exactly these capabilities (plus `read`).
	 *
	 * @param array<int, string> $capabilities WordPress capabilities, e.g. edit_api_keys.
	 * @return int User id.
	 */
	protected function user_with( array $capabilities ): int {
		static $sequence = 0;
		++$sequence;
		$role = 'standin_role_' . $sequence;
		add_role( $role, $role, array_fill_keys( array_merge( array( 'read' ), $capabilities ), true ) );
		return self::factory_user( $role );
	}

	/**
	 * Reads a contact with permissions off.
	 *
	 * @param int                $contact_id Contact.
	 * @param array<int, string> $select     Fields.
	 * @return array<string, mixed>|null
	 */
	protected function raw_contact( int $contact_id, array $select = array( '*' ) ): ?array {
		return civicrm_api4(
			'Contact',
			'get',
			array(
				'select'           => $select,
				'where'            => array( array( 'id', '=', $contact_id ) ),
				'checkPermissions' => false,
			)
		)->first();
	}

	/**
	 * Asserts that a call throws a given class with a given message.
	 *
	 * @param string   $class   Exception class.
	 * @param string   $message Exact message.
	 * @param callable $call    Call.
	 * @return \Throwable The exception.
	 */
	protected function assertThrowsExactly( string $class, string $message, callable $call ): \Throwable {
		try {
			$call();
		} catch ( \Throwable $error ) {
			$this->assertSame( $class, get_class( $error ), 'Message: ' . $error->getMessage() );
			$this->assertSame( $message, $error->getMessage() );
			return $error;
		}
		$this->fail( "Expected $class: $message" );
	}

	/**
	 * A 32-character alphanumeric key.
	 *
	 * @return string
	 */
	protected static function key(): string {
		$chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
		$key   = '';
		for ( $i = 0; $i < 32; $i++ ) {
			$key .= $chars[ random_int( 0, 61 ) ];
		}
		return $key;
	}
}
