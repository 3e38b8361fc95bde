<?php
/**
 * A gateway that counts calls.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests;

use CiviKey\CiviCRM\Gateway;

/**
 * A gateway that counts the CiviCRM calls made through it.
 */
class Counting_Gateway extends Gateway {

	/**
	 * Calls so far.
	 *
	 * @var int
	 */
	public $calls = 0;

	/**
	 * Counts, then calls CiviCRM.
	 *
	 * @param string               $entity Entity.
	 * @param string               $action Action.
	 * @param array<string, mixed> $params Parameters.
	 * @return \Civi\Api4\Generic\Result|\WP_Error
	 */
	public function call_for_result( string $entity, string $action, array $params = array() ) {
		++$this->calls;
		return parent::call_for_result( $entity, $action, $params );
	}
}
