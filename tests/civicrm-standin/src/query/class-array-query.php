<?php
/**
 * APIv4 "get" on an in-memory list (getFields, Extension.get).
 *
 * @package CiviCRM_Standin
 */

// phpcs:disable WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- Result::$rowCount is CiviCRM's name.

namespace CiviCRM_Standin\Query;

use Civi\Api4\Generic\Result;

/**
 * Filters, sorts, limits and selects rows the way APIv4's basic actions do.
 * Unlike database gets, rowCount here is the number of matches before the
 * limit, as in core.
 *
 * @see civicrm-core Civi/Api4/Generic/Traits/ArrayQueryActionTrait.php
 */
final class Array_Query {

	/**
	 * Applies select/where/orderBy/limit/offset and fills the result.
	 *
	 * @param array<int, array<string, mixed>> $rows   Rows.
	 * @param array<string, mixed>             $params API params.
	 * @param Result                           $result Result to fill.
	 */
	public static function apply( array $rows, array $params, Result $result ): void {
		$select = (array) ( $params['select'] ?? array() );
		$where  = (array) ( $params['where'] ?? array() );
		if ( $where ) {
			$tree = in_array( $where[0] ?? null, array( 'AND', 'OR', 'NOT' ), true ) ? $where : array( 'AND', $where );
			$rows = array_values( array_filter( $rows, static fn( $row ) => self::walk( $row, $tree ) ) );
		}
		if ( in_array( 'row_count', $select, true ) ) {
			$result->setCountMatched( count( $rows ) );
		}
		$result->rowCount = count( $rows );
		if ( array( 'row_count' ) !== $select ) {
			$order = (array) ( $params['orderBy'] ?? array() );
			if ( $order ) {
				usort( $rows, static fn( $a, $b ) => self::compare_rows( $a, $b, $order ) );
			}
			$limit  = (int) ( $params['limit'] ?? 0 );
			$offset = (int) ( $params['offset'] ?? 0 );
			if ( $limit || $offset ) {
				$rows = array_slice( $rows, $offset, $limit ? $limit : null );
			}
		}
		if ( array( 'row_count' ) === $select ) {
			$rows = array();
		} elseif ( $rows && $select ) {
			$keys = array_flip( $select );
			$rows = array_map( static fn( $row ) => array_intersect_key( $row, $keys ), $rows );
		}
		$result->exchangeArray( $rows );
	}

	/**
	 * Evaluates a where tree against a row.
	 *
	 * @param array<string, mixed> $row     Row.
	 * @param array<int, mixed>    $filters Clause.
	 * @return bool
	 */
	private static function walk( array $row, array $filters ): bool {
		switch ( $filters[0] ) {
			case 'AND':
			case 'NOT':
				$all = true;
				foreach ( $filters[1] as $filter ) {
					if ( ! self::walk( $row, $filter ) ) {
						$all = false;
						break;
					}
				}
				return ( 'AND' === $filters[0] ) === $all;
			case 'OR':
				foreach ( $filters[1] as $filter ) {
					if ( self::walk( $row, $filter ) ) {
						return true;
					}
				}
				return ! count( $filters[1] );
			default:
				return self::compare( $row[ $filters[0] ] ?? null, (string) $filters[1], $filters[2] ?? null );
		}
	}

	/**
	 * One comparison, with core's loose, case-insensitive semantics.
	 *
	 * @see civicrm-core Civi/Api4/Generic/Traits/ArrayQueryActionTrait.php compareValues()
	 *
	 * @param mixed  $value    Row value.
	 * @param string $operator Operator.
	 * @param mixed  $expected Expected value.
	 * @return bool
	 * @throws \Civi\API\Exception\NotImplementedException Unsupported operator.
	 */
	private static function compare( $value, string $operator, $expected ): bool {
		switch ( $operator ) {
			case '=':
			case '!=':
			case '<>':
				$a     = is_string( $value ) ? strtolower( $value ) : $value;
				$b     = is_string( $expected ) ? strtolower( $expected ) : $expected;
				$equal = $a == $b; // phpcs:ignore WordPress.PHP.StrictComparisons.LooseComparison -- core compares loosely.
				if ( 0 === $expected || '0' === $expected ) {
					$equal = ( 0 === $value || '0' === $value );
				}
				if ( '' === $expected ) {
					$equal = ( '' === $value );
				}
				return ( '=' === $operator ) === $equal;
			case 'IS NULL':
			case 'IS NOT NULL':
				return is_null( $value ) === ( 'IS NULL' === $operator );
			case 'IS EMPTY':
			case 'IS NOT EMPTY':
				return empty( $value ) === ( 'IS EMPTY' === $operator );
			case '>':
				return $value > $expected;
			case '>=':
				return $value >= $expected;
			case '<':
				return $value < $expected;
			case '<=':
				return $value <= $expected;
			case 'BETWEEN':
			case 'NOT BETWEEN':
				$between = ( $value >= $expected[0] && $value <= $expected[1] );
				return ( 'BETWEEN' === $operator ) === $between;
			case 'LIKE':
			case 'NOT LIKE':
				if ( null === $value ) {
					return false;
				}
				$pattern = '/^' . str_replace( '%', '.*', preg_quote( (string) $expected, '/' ) ) . '$/i';
				return (bool) preg_match( $pattern, (string) $value ) === ( 'LIKE' === $operator );
			case 'IN':
				return in_array( $value, (array) $expected ); // phpcs:ignore WordPress.PHP.StrictInArray.MissingTrueStrict -- core compares loosely.
			case 'NOT IN':
				return ! in_array( $value, (array) $expected ); // phpcs:ignore WordPress.PHP.StrictInArray.MissingTrueStrict -- core compares loosely.
			case 'CONTAINS':
			case 'NOT CONTAINS':
				if ( is_array( $value ) ) {
					$contains = is_array( $expected ) ? ! array_diff( $expected, $value ) : in_array( $expected, $value ); // phpcs:ignore WordPress.PHP.StrictInArray.MissingTrueStrict
				} elseif ( is_array( $expected ) ) {
					$contains = in_array( $value, $expected ); // phpcs:ignore WordPress.PHP.StrictInArray.MissingTrueStrict
				} else {
					$contains = false !== strpos( strtolower( (string) $value ), strtolower( (string) $expected ) );
				}
				return ( 'CONTAINS' === $operator ) === $contains;
			default:
				throw new \Civi\API\Exception\NotImplementedException( "Unsupported operator: '$operator' cannot be used with array data" );
		}
	}

	/**
	 * Sort comparator.
	 *
	 * @param array<string, mixed>  $a     Row.
	 * @param array<string, mixed>  $b     Row.
	 * @param array<string, string> $order Field => ASC|DESC.
	 * @return int
	 */
	private static function compare_rows( array $a, array $b, array $order ): int {
		foreach ( $order as $field => $direction ) {
			$modifier = 'ASC' === $direction ? 1 : -1;
			if ( isset( $a[ $field ], $b[ $field ] ) ) {
				if ( $a[ $field ] == $b[ $field ] ) { // phpcs:ignore WordPress.PHP.StrictComparisons.LooseComparison -- core compares loosely.
					continue;
				}
				return strnatcasecmp( (string) $a[ $field ], (string) $b[ $field ] ) * $modifier;
			}
			if ( isset( $a[ $field ] ) || isset( $b[ $field ] ) ) {
				return ( isset( $a[ $field ] ) ? 1 : -1 ) * $modifier;
			}
		}
		return 0;
	}
}
