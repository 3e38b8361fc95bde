<?php
/**
 * The civicrm_api4() function, the in-process entry point of CiviCRM's APIv4.
 *
 * Loaded by civicrm_initialize(): in real CiviCRM, api/api.php is included by
 * CRM/Core/Config.php during initialisation, so the function does not exist
 * before civicrm_initialize() has succeeded.
 *
 * @package CiviCRM_Standin
 */

/**
 * Calls APIv4.
 *
 * $index, as in core: a string (not an integer) indexes the rows by that
 * field (added to `select` and removed again if it was not selected); an
 * integer returns only that row (negative counts from the end; a missing row
 * throws); a list array returns one column; an associative array returns one
 * column keyed by another.
 *
 * @see civicrm-core api/api.php civicrm_api4()
 *
 * @param string                $entity Entity, e.g. Contact.
 * @param string                $action Action, e.g. get.
 * @param array<string, mixed>  $params Parameters.
 * @param string|int|array|null $index  Result format.
 * @return \Civi\Api4\Generic\Result|mixed
 * @throws \CRM_Core_Exception On any failure.
 */
function civicrm_api4( string $entity, string $action, array $params = array(), $index = null ) {
	$is_integer   = static function ( $value ): bool {
		return is_int( $value ) || ( is_string( $value ) && preg_match( '/^-?\d+$/', $value ) );
	};
	$index_field  = $index && is_string( $index ) && ! $is_integer( $index ) ? $index : null;
	$remove_index = false;
	$index_column = null;
	if ( $index_field && ! empty( $params['select'] ) && is_array( $params['select'] ) && ! ( 'Setting' === $entity && 'get' === $action )
		&& ! CiviCRM_Standin\Query\Sql_Expression::is_field_selected( $index_field, $params['select'] ) ) {
		$params['select'][] = $index_field;
		$remove_index       = true;
	}
	if ( $index && is_array( $index ) ) {
		$index_column = reset( $index );
		$index_field  = key( $index );
		// Core calls addSelect() on actions that have it: the get-style ones.
		if ( 'Setting' !== $entity && in_array( strtolower( $action ), array( 'get', 'getfields' ), true ) ) {
			$params['select']   = isset( $params['select'] ) ? (array) $params['select'] : array();
			$params['select'][] = $index_column;
			if ( $index_field && $index_field !== $index_column ) {
				$params['select'][] = $index_field;
			}
		}
		if ( ! is_string( $index_field ) ) {
			$index_field = null;
		}
	}

	$result = CiviCRM_Standin\Kernel::run( $entity, $action, $params );

	if ( $index_field ) {
		$result->indexBy( $index_field );
		if ( $remove_index ) {
			foreach ( $result as $key => $value ) {
				unset( $value[ $index_field ] );
				$result[ $key ] = $value;
			}
		}
	} elseif ( null !== $index && ! is_array( $index ) && $is_integer( $index ) ) {
		$item = $result->itemAt( (int) $index );
		if ( is_null( $item ) ) {
			throw new \CRM_Core_Exception( "Index $index not found in api results" );
		}
		if ( ! is_array( $item ) ) {
			return $item;
		}
		$result->exchangeArray( $item );
	}
	if ( null !== $index_column ) {
		$result->exchangeArray( $result->column( $index_column ) );
	}
	return $result;
}
