<?php
/**
 * Stand-in for CiviCRM's base exception.
 *
 * @package CiviCRM_Standin
 */

// phpcs:disable Squiz.Classes.ValidClassName.NotCamelCaps -- CiviCRM's own class name.

/**
 * Same constructor, error code and error data as core's. Core extends
 * PEAR_Exception; the stand-in has no PEAR and extends \Exception.
 *
 * @see civicrm-core CRM/Core/Exception.php
 */
class CRM_Core_Exception extends \Exception {

	const UNAUTHORIZED    = 'unauthorized';
	const NOT_IMPLEMENTED = 'not-found';

	/**
	 * Extra data, always including 'error_code'.
	 *
	 * @var array<string, mixed>
	 */
	private $error_data = array();

	/**
	 * Constructor.
	 *
	 * @param string               $message    Human-friendly message.
	 * @param int|string           $error_code Machine-friendly code (getErrorCode()); only numeric ones reach getCode().
	 * @param array<string, mixed> $error_data Extra data.
	 * @param \Throwable|null      $previous   Cause.
	 */
	public function __construct( $message, $error_code = 0, $error_data = array(), $previous = null ) {
		// Core hands a database error object to PEAR_Exception as the cause,
		// which leaves getCode() at 0; otherwise a numeric code is kept.
		$code = ! isset( $error_data['exception'] ) && is_numeric( $error_code ) ? (int) $error_code : 0;
		parent::__construct( (string) $message, $code, $previous );
		$this->error_data = (array) $error_data + array( 'error_code' => $error_code );
	}

	/**
	 * Like core's: "CRM_Core_Exception: [<code>: <message>".
	 *
	 * @return string
	 */
	public function __toString(): string {
		return __CLASS__ . ": [{$this->error_data['error_code']}: {$this->message}\n";
	}

	/**
	 * Machine-friendly code given to the constructor.
	 *
	 * @return int|string
	 */
	public function getErrorCode() { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- CiviCRM's API.
		return $this->error_data['error_code'];
	}

	/**
	 * Extra data including 'error_code'.
	 *
	 * @return array<string, mixed>
	 */
	public function getErrorData() { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- CiviCRM's API.
		return $this->error_data;
	}

	/**
	 * Deprecated alias of getErrorData().
	 *
	 * @return array<string, mixed>
	 */
	public function getExtraParams() { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- CiviCRM's API.
		return $this->error_data;
	}

	/**
	 * Message for users.
	 *
	 * @return string
	 */
	public function getUserMessage(): string { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- CiviCRM's API.
		return $this->getMessage();
	}

	/**
	 * Known codes.
	 *
	 * @return array<int|string, string>
	 */
	public function getErrorCodes() { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- CiviCRM's API.
		return array(
			2000                  => '$params was not an array',
			2001                  => 'Invalid Value for Date field',
			2100                  => 'String value is longer than permitted length',
			self::UNAUTHORIZED    => 'Unauthorized',
			self::NOT_IMPLEMENTED => 'Entity or method is not implemented',
		);
	}
}
