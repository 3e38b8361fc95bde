<?php
/**
 * Row-level database helpers shared by the writers.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Writers;

use CiviCRM_Standin\Database;
use CiviCRM_Standin\Entities\Entity;
use CiviCRM_Standin\Query\Select_Query;

/**
 * Turns API values into column values the way APIv4 and the DAO do, and
 * reads rows back as the API returns them.
 *
 * @see civicrm-core Civi/Api4/Utils/FormattingUtil.php formatWriteParams()
 * @see civicrm-core CRM/Core/DAO.php copyValues()
 * @see civicrm-core Civi/Api4/Generic/Traits/DAOActionTrait.php baoToArray()
 */
abstract class Record_Writer {

	/**
	 * Column => value for the entity's fields present in $values (except id).
	 * NULL and '' both store NULL; Text/Email/Url inputs are trimmed;
	 * booleans become 0/1. Unknown keys are ignored, as copyValues() does.
	 *
	 * A string longer than its varchar column (and without an option list) is
	 * not refused: copyValues() silently cuts it to the column's length with
	 * an ellipsis, e.g. a 33-character api_key is stored as its first 29
	 * characters + "..." (and core logs the whole value as a warning).
	 *
	 * @see civicrm-core CRM/Core/DAO.php copyValues() ("has been truncated")
	 * @see civicrm-core CRM/Utils/String.php ellipsify()
	 * @see civicrm-core CRM/Core/DAO/Base.php getSupportedFields() (maxlength from sql_type)
	 *
	 * @param string               $entity Entity class name.
	 * @param array<string, mixed> $values Values.
	 * @return array<string, mixed>
	 * @throws \CRM_Core_Exception Array given for a scalar field.
	 */
	protected static function columns( string $entity, array $values ): array {
		$columns = array();
		foreach ( $entity::fields() as $name => $spec ) {
			if ( 'id' === $name || ! array_key_exists( $name, $values ) ) {
				continue;
			}
			$value = $values[ $name ];
			if ( is_array( $value ) ) {
				throw new \CRM_Core_Exception( "Invalid value for field '$name'" );
			}
			if ( is_bool( $value ) ) {
				$value = (int) $value;
			}
			if ( is_string( $value ) && in_array( $spec['input_type'], array( 'Text', 'Email', 'Url' ), true ) ) {
				$value = trim( $value );
			}
			if ( is_string( $value ) && $spec['maxlength'] && ! $spec['pseudoconstant'] ) {
				$value = self::ellipsify( $value, (int) $spec['maxlength'] );
			}
			$columns[ $spec['column_name'] ] = ( null === $value || '' === $value ) ? null : $value;
		}
		return $columns;
	}

	/**
	 * At most $max characters: longer strings keep $max - 3 and end in "...".
	 *
	 * @see civicrm-core CRM/Utils/String.php ellipsify()
	 *
	 * @param string $value Value.
	 * @param int    $max   Length.
	 * @return string
	 */
	public static function ellipsify( string $value, int $max ): string {
		return mb_strlen( $value, 'UTF-8' ) <= $max ? $value : mb_substr( $value, 0, $max - 3, 'UTF-8' ) . '...';
	}

	/**
	 * INSERT; returns the new id.
	 *
	 * @param string               $entity Entity class name.
	 * @param array<string, mixed> $columns Column values (names from the field list).
	 * @param array<int, string>   $now     Columns to set to NOW().
	 * @return int
	 */
	protected static function insert_row( string $entity, array $columns, array $now = array() ): int {
		$names = array_map( static fn( $column ) => "`$column`", array_merge( array_keys( $columns ), $now ) );
		$marks = array_merge( array_fill( 0, count( $columns ), '?' ), array_fill( 0, count( $now ), 'NOW()' ) );
		$sql   = 'INSERT INTO `' . $entity::table() . '` (' . implode( ', ', $names ) . ') VALUES (' . implode( ', ', $marks ) . ')';
		if ( ! $names ) {
			$sql = 'INSERT INTO `' . $entity::table() . '` () VALUES ()';
		}
		return Database::instance()->insert( $sql, array_values( $columns ) );
	}

	/**
	 * UPDATE one row.
	 *
	 * @param string               $entity Entity class name.
	 * @param int                  $id      Id.
	 * @param array<string, mixed> $columns Column values.
	 */
	protected static function update_row( string $entity, int $id, array $columns ): void {
		if ( ! $columns ) {
			return;
		}
		$sets = array_map( static fn( $column ) => "`$column` = ?", array_keys( $columns ) );
		Database::instance()->execute(
			'UPDATE `' . $entity::table() . '` SET ' . implode( ', ', $sets ) . ' WHERE `id` = ?',
			array_merge( array_values( $columns ), array( $id ) )
		);
	}

	/**
	 * The raw row, or null.
	 *
	 * @param string $entity Entity class name.
	 * @param int    $id     Id.
	 * @return array<string, mixed>|null
	 */
	protected static function fetch_row( string $entity, int $id ): ?array {
		$rows = Database::instance()->fetch_all( 'SELECT * FROM `' . $entity::table() . '` WHERE `id` = ?', array( $id ) );
		return $rows ? $rows[0] : null;
	}

	/**
	 * A saved record as create/update return it: the fields that have a
	 * value plus every field that was given, typed.
	 *
	 * @param string               $entity Entity class name.
	 * @param array<string, mixed> $row    Column values.
	 * @param array<int, string>   $given  Field names given by the caller.
	 * @return array<string, mixed>
	 */
	protected static function output( string $entity, array $row, array $given ): array {
		$out = array();
		foreach ( $entity::fields() as $name => $spec ) {
			$column = $spec['column_name'];
			if ( ( array_key_exists( $column, $row ) && null !== $row[ $column ] ) || in_array( $name, $given, true ) ) {
				$out[ $name ] = Select_Query::convert( $row[ $column ] ?? null, $spec['data_type'] );
			}
		}
		return $out;
	}
}
