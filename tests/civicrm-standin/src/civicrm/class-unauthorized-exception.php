<?php
/**
 * Stand-in for CiviCRM's permission-denied exception.
 *
 * @package CiviCRM_Standin
 */

namespace Civi\API\Exception;

/**
 * Thrown when a permission check fails; error code 'unauthorized'.
 *
 * @see civicrm-core Civi/API/Exception/UnauthorizedException.php
 */
class UnauthorizedException extends \CRM_Core_Exception {

	/**
	 * Constructor.
	 *
	 * @param string               $message      Message.
	 * @param array<string, mixed> $extra_params Extra data.
	 * @param \Exception|null      $previous     Cause.
	 */
	public function __construct( $message, $extra_params = array(), ?\Exception $previous = null ) {
		parent::__construct( $message, \CRM_Core_Exception::UNAUTHORIZED, $extra_params, $previous );
	}
}
