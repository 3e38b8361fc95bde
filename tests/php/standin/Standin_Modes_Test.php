<?php
/**
 * The stand-in's test switches.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Standin;

use CiviCRM_Standin\Mode;
use CiviCRM_Standin\Plugin;

require_once __DIR__ . '/class-standin-test-case.php';

/**
 * The not_installed and failing modes.
 *
 * @group standin-only
 */
class Standin_Modes_Test extends Standin_Test_Case {

	/**
	 * Not installed mode makes initialize return false.
	 *
	 * @see civicrm-wordpress includes/civicrm.admin.php initialize() ("CiviCRM must not be initialized if it's not installed")
	 */
	public function test_not_installed_mode_makes_initialize_return_false() {
		Mode::set_for_request( Mode::NOT_INSTALLED );
		Plugin::reset();

		$this->assertFalse( civicrm_initialize() );
	}

	/**
	 * A database that cannot be reached: PEAR's DB_ERROR_CONNECT_FAILED (-24),
	 * "DB Error: connect failed", thrown as DBQueryException.
	 *
	 * @see civicrm-core CRM/Core/Error.php exceptionHandler()
	 * @see pear/db DB.php DB::errorMessage()
	 */
	public function test_failing_mode_makes_every_call_throw_connect_failed() {
		Mode::set_for_request( Mode::FAILING );

		$error = $this->assertThrowsExactly(
			'Civi\\Core\\Exception\\DBQueryException',
			'DB Error: connect failed',
			static fn() => civicrm_api4( 'Contact', 'get', array( 'checkPermissions' => false ) )
		);
		$this->assertInstanceOf( \CRM_Core_Exception::class, $error );
		$this->assertSame( -24, $error->getErrorCode() );
		$this->assertTrue( civicrm_initialize() );
	}
}
