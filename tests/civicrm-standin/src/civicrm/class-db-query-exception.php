<?php
/**
 * Stand-in for CiviCRM's database exception.
 *
 * @package CiviCRM_Standin
 */

namespace Civi\Core\Exception;

use CiviCRM_Standin\Database_Error;

/**
 * What CiviCRM throws when a query fails: message "DB Error: <PEAR message>",
 * error code the (negative) PEAR DB code. Core keeps the PEAR DB_Error in
 * the error data under 'exception'; the stand-in keeps its own
 * Database_Error there, which has no values in its SQL.
 *
 * @see civicrm-core Civi/Core/Exception/DBQueryException.php
 * @see civicrm-core CRM/Core/Error.php exceptionHandler()
 */
class DBQueryException extends \CRM_Core_Exception {

	/**
	 * Builds the exception CiviCRM would throw for a database failure.
	 *
	 * @param Database_Error $error The stand-in's database error.
	 * @return DBQueryException
	 */
	public static function from_database_error( Database_Error $error ): DBQueryException {
		return new self( $error->getMessage(), $error->pear_code(), array( 'exception' => $error ), $error );
	}

	/**
	 * "Invalid Query <PEAR message>", plus MySQL's message for the error
	 * numbers core deems safe to show (1054, 1064).
	 *
	 * @return string
	 */
	public function getUserMessage(): string { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- CiviCRM's API.
		$message = 'Invalid Query ' . $this->getDBErrorMessage();
		if ( in_array( $this->getSQLErrorCode(), array( 1054, 1064 ), true ) && preg_match( '/\[nativecode=\d* \*\* (.*)]/', $this->getUserInfo(), $match ) ) {
			$message .= ' ' . $match[1];
		}
		return $message;
	}

	/**
	 * MySQL error number.
	 *
	 * @return int
	 */
	public function getSQLErrorCode(): int { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- CiviCRM's API.
		return $this->database_error() ? $this->database_error()->native_code() : 0;
	}

	/**
	 * "<sql> [nativecode=<n> ** <message>]" (placeholders, not values).
	 *
	 * @return string
	 */
	public function getUserInfo(): string { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- CiviCRM's API.
		return $this->database_error() ? $this->database_error()->user_info() : '';
	}

	/**
	 * The attempted SQL (placeholders, not values).
	 *
	 * @return string
	 */
	public function getSQL(): string { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- CiviCRM's API.
		return preg_match( '/(.*) \[nativecode=/s', $this->getUserInfo(), $match ) ? $match[1] : '';
	}

	/**
	 * Same as getUserInfo().
	 *
	 * @return string
	 */
	public function getDebugInfo(): string { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- CiviCRM's API.
		return $this->getUserInfo();
	}

	/**
	 * PEAR's text for the code, e.g. "unknown error".
	 *
	 * @return string
	 */
	public function getDBErrorMessage(): string { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- CiviCRM's API.
		return preg_replace( '/^DB Error: /', '', $this->getMessage() );
	}

	/**
	 * The stand-in's database error, if any.
	 *
	 * @return Database_Error|null
	 */
	private function database_error(): ?Database_Error {
		$error = $this->getErrorData()['exception'] ?? null;
		return $error instanceof Database_Error ? $error : null;
	}
}
