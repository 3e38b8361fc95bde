<?php
/**
 * Stand-in for CiviCRM's "no such API" exception.
 *
 * @package CiviCRM_Standin
 */

namespace Civi\API\Exception;

/**
 * Thrown for an unknown entity or action; error code 'not-found'.
 *
 * @see civicrm-core Civi/API/Exception/NotImplementedException.php
 */
class NotImplementedException extends \CRM_Core_Exception {

	/**
	 * Constructor.
	 *
	 * @param string               $message      Message.
	 * @param array<string, mixed> $extra_params Extra data.
	 * @param \Exception|null      $previous     Cause.
	 */
	public function __construct( $message, $extra_params = array(), ?\Exception $previous = null ) {
		parent::__construct( $message, \CRM_Core_Exception::NOT_IMPLEMENTED, $extra_params, $previous );
	}
}
