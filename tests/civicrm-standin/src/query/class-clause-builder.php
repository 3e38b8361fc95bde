<?php
/**
 * WHERE and HAVING clauses.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Query;

/**
 * Turns APIv4 where/having trees into SQL with `?` placeholders. Field names
 * only ever come from the entity's field list; values only ever travel as
 * parameters.
 *
 * A clause is a leaf [field, operator, value] or a branch ['AND'|'OR'|'NOT',
 * [clause, ...]]. A leaf on a field the user may not see is silently dropped
 * (core: "Silently ignore fields the user lacks permission to see"). Core
 * does not repair the branch around it, so a dropped leaf inside an OR/AND
 * of two or more, or inside a NOT, leaves broken SQL and MySQL reports a
 * syntax error; the stand-in builds the same SQL and gets the same error.
 *
 * @see civicrm-core Civi/Api4/Query/Api4Query.php treeWalkClauses(), composeClause(), createSQLClause()
 * @see civicrm-core CRM/Core/DAO.php createSQLFilter()
 */
final class Clause_Builder {

	/**
	 * Operators APIv4 accepts.
	 *
	 * @see civicrm-core Civi/Api4/Utils/CoreUtil.php getOperators()
	 */
	public const OPERATORS = array(
		'=',
		'<=',
		'>=',
		'>',
		'<',
		'LIKE',
		'<>',
		'!=',
		'NOT LIKE',
		'IN',
		'NOT IN',
		'BETWEEN',
		'NOT BETWEEN',
		'IS NOT NULL',
		'IS NULL',
		'CONTAINS',
		'NOT CONTAINS',
		'CONTAINS ONE OF',
		'NOT CONTAINS ONE OF',
		'IS EMPTY',
		'IS NOT EMPTY',
		'REGEXP',
		'NOT REGEXP',
		'REGEXP BINARY',
		'NOT REGEXP BINARY',
		'MATCHES',
	);

	/**
	 * Query whose fields and aliases clauses refer to.
	 *
	 * @var Select_Query
	 */
	private $query;

	/**
	 * Constructor.
	 *
	 * @param Select_Query $query Query.
	 */
	public function __construct( Select_Query $query ) {
		$this->query = $query;
	}

	/**
	 * Renders a clause; '' when it was dropped.
	 *
	 * @param mixed  $clause Clause.
	 * @param string $type   WHERE or HAVING.
	 * @return array{0: string, 1: array<int, mixed>} SQL and its values.
	 * @throws \CRM_Core_Exception Invalid clause.
	 */
	public function walk( $clause, string $type ): array {
		if ( ! is_array( $clause ) || ! isset( $clause[0] ) || ! is_string( $clause[0] ) ) {
			throw new \CRM_Core_Exception( 'Invalid ' . $type . ' clause' );
		}
		if ( in_array( $clause[0], array( 'AND', 'OR', 'NOT' ), true ) && empty( $clause[1] ) ) {
			return array( '', array() );
		}
		switch ( $clause[0] ) {
			case 'OR':
			case 'AND':
				if ( ! is_array( $clause[1] ) ) {
					throw new \CRM_Core_Exception( 'Invalid ' . $type . ' clause' );
				}
				if ( count( $clause[1] ) === 1 ) {
					return $this->walk( reset( $clause[1] ), $type );
				}
				$parts  = array();
				$params = array();
				foreach ( $clause[1] as $sub ) {
					list( $sql, $values ) = $this->walk( $sub, $type );
					$parts[]              = $sql;
					$params               = array_merge( $params, $values );
				}
				return array( '(' . implode( "\n" . $clause[0] . ' ', $parts ) . ')', $params );

			case 'NOT':
				$inner = $clause[1];
				// A group of clauses with no operator means AND.
				if ( ! is_array( $inner ) || ! isset( $inner[0] ) || ! is_string( $inner[0] ) ) {
					$inner = array( 'AND', $inner );
				}
				list( $sql, $values ) = $this->walk( $inner, $type );
				return array( 'NOT (' . $sql . ')', $values );

			default:
				try {
					return $this->leaf( $clause, $type );
				} catch ( \Civi\API\Exception\UnauthorizedException $e ) {
					return array( '', array() );
				}
		}
	}

	/**
	 * One [field, operator, value] clause.
	 *
	 * @param array<int, mixed> $clause Clause.
	 * @param string            $type   WHERE or HAVING.
	 * @return array{0: string, 1: array<int, mixed>}
	 * @throws \CRM_Core_Exception Invalid clause.
	 */
	private function leaf( array $clause, string $type ): array {
		list( $expr, $operator, $value, $is_expression ) = array_pad( $clause, 4, null );
		if ( ! in_array( $operator, self::OPERATORS, true ) ) {
			throw new \CRM_Core_Exception( 'Illegal operator' );
		}
		if ( $is_expression ) {
			throw new \CRM_Core_Exception( 'civicrm-standin does not implement expressions as values in ' . $type . ' clauses' );
		}
		if ( 'HAVING' === $type ) {
			list( $sql, $data_type ) = $this->query->having_target( (string) $expr );
		} else {
			$parsed = Sql_Expression::parse( (string) $expr );
			if ( 'field' !== $parsed->type ) {
				throw new \CRM_Core_Exception( 'civicrm-standin only implements fields in WHERE clauses, not: ' . $expr );
			}
			$field     = $this->query->field( $parsed->fields[0], true );
			$sql       = $field['sql'];
			$data_type = $field['data_type'];
		}
		$result = $this->compare( $sql, $operator, $value, $data_type );
		if ( null === $result ) {
			throw new \CRM_Core_Exception( "Invalid value in $type clause for '$expr'" );
		}
		return $result;
	}

	/**
	 * The comparison itself.
	 *
	 * @param string      $sql       Column SQL (from the field list) or result alias.
	 * @param string      $operator  Operator.
	 * @param mixed       $value     Value.
	 * @param string|null $data_type Data type of the column.
	 * @return array{0: string, 1: array<int, mixed>}|null Null for an unusable value.
	 * @throws \CRM_Core_Exception Operator not implemented.
	 */
	private function compare( string $sql, string $operator, $value, ?string $data_type ): ?array {
		if ( is_bool( $value ) ) {
			$value = (int) $value;
		}
		switch ( $operator ) {
			case 'IS NULL':
			case 'IS NOT NULL':
				return array( "$sql $operator", array() );

			case 'IS EMPTY':
			case 'IS NOT EMPTY':
				$null = str_replace( 'EMPTY', 'NULL', $operator );
				if ( in_array( $data_type, array( 'String', 'Integer', 'Float', 'Boolean' ), true ) ) {
					$empty = 'String' === $data_type ? '""' : '0';
					return 'IS NULL' === $null
						? array( "($sql = $empty OR $sql IS NULL)", array() )
						: array( "($sql <> $empty AND $sql IS NOT NULL)", array() );
				}
				return array( "$sql $null", array() );

			case 'IN':
			case 'NOT IN':
				if ( ! $value ) {
					// An empty list never matches; its negation always does.
					return array( 'IN' === $operator ? '1=0' : '1', array() );
				}
				if ( ! is_array( $value ) ) {
					return null;
				}
				$values = array_map( array( $this, 'scalar' ), array_values( $value ) );
				return array( "$sql $operator (" . implode( ', ', array_fill( 0, count( $values ), '?' ) ) . ')', $values );

			case 'BETWEEN':
			case 'NOT BETWEEN':
				if ( ! is_array( $value ) || count( $value ) < 2 ) {
					return null;
				}
				$value = array_values( $value );
				return array( "$sql $operator ? AND ?", array( $this->scalar( $value[0] ), $this->scalar( $value[1] ) ) );

			case 'CONTAINS':
			case 'NOT CONTAINS':
				if ( is_array( $value ) ) {
					throw new \CRM_Core_Exception( 'civicrm-standin does not implement CONTAINS with a list' );
				}
				$like = '%' . $this->scalar( $value ) . '%';
				return 'CONTAINS' === $operator
					? array( "$sql LIKE ?", array( $like ) )
					: array( "(($sql NOT LIKE ?) OR $sql IS NULL)", array( $like ) );

			case 'CONTAINS ONE OF':
			case 'NOT CONTAINS ONE OF':
			case 'MATCHES':
				throw new \CRM_Core_Exception( "civicrm-standin does not implement the $operator operator" );

			case 'REGEXP BINARY':
			case 'NOT REGEXP BINARY':
				return array( "CAST($sql AS BINARY) " . str_replace( ' BINARY', '', $operator ) . ' ?', array( $this->scalar( $value ) ) );

			default:
				if ( is_array( $value ) ) {
					return null;
				}
				return array( "$sql $operator ?", array( $this->scalar( $value ) ) );
		}
	}

	/**
	 * A value as core's createSQLFilter() quotes it: NULL becomes ''.
	 *
	 * @param mixed $value Value.
	 * @return int|float|string
	 */
	private function scalar( $value ) {
		if ( is_bool( $value ) ) {
			return (int) $value;
		}
		if ( null === $value ) {
			return '';
		}
		return is_int( $value ) || is_float( $value ) ? $value : (string) $value;
	}
}
