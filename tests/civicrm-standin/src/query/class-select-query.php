<?php
/**
 * APIv4 "get" on a database entity.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Query;

use CiviCRM_Standin\Actions\Action;
use CiviCRM_Standin\Database;
use CiviCRM_Standin\Entities\Entity;

/**
 * Builds and runs the SELECT for a get action, following Api4SelectQuery:
 *
 * - Fields the user lacks the field permission for (api_key) are absent:
 *   in SELECT they are silently dropped, in WHERE/HAVING the condition is
 *   silently dropped, in ORDER BY the item is skipped; each is noted under
 *   debug 'unauthorized_fields'. In GROUP BY the error is not caught, so the
 *   call fails with UnauthorizedException "Unauthorized field 'api_key'".
 * - Unknown fields: dropped from SELECT (debug 'undefined_fields'),
 *   "Invalid field 'x'" everywhere else.
 * - `id` is always selected unless the query aggregates.
 *
 * @see civicrm-core Civi/Api4/Query/Api4SelectQuery.php
 * @see civicrm-core Civi/Api4/Query/Api4Query.php
 */
final class Select_Query {

	/** MySQL's largest LIMIT, used when only an offset is given. */
	private const UNLIMITED = '18446744073709551615';

	/**
	 * Entity class.
	 *
	 * @var string Entity class name.
	 */
	private $entity;

	/**
	 * API params: select (wildcards expanded), where, orderBy, groupBy, having, limit, offset.
	 *
	 * @var array<string, mixed>
	 */
	private $params;

	/**
	 * Whether permissions apply.
	 *
	 * @var bool
	 */
	private $check_permissions;

	/**
	 * The action, for debug output.
	 *
	 * @var Action
	 */
	private $action;

	/**
	 * Field path => spec (with 'sql'), or false when not permitted.
	 *
	 * @var array<string, array<string, mixed>|false>
	 */
	private $specs = array();

	/**
	 * Join name => ON clause, for joins in use.
	 *
	 * @var array<string, string>
	 */
	private $joined = array();

	/**
	 * Result alias => ['expr' => Sql_Expression, 'sql_alias' => string].
	 *
	 * @var array<string, array{expr: Sql_Expression, sql_alias: string}>
	 */
	private $select_aliases = array();

	/**
	 * Rendered SELECT items.
	 *
	 * @var array<int, string>
	 */
	private $select_sql = array();

	/**
	 * Whether `id` is added to the select list.
	 *
	 * @var bool
	 */
	private $force_select_id;

	/**
	 * Constructor.
	 *
	 * @param string               $entity Entity class name.
	 * @param array<string, mixed> $params            API params.
	 * @param bool                 $check_permissions Whether permissions apply.
	 * @param Action               $action            Action (debug output).
	 */
	public function __construct( string $entity, array $params, bool $check_permissions, Action $action ) {
		$this->entity            = $entity;
		$this->params            = $params + array(
			'select'  => array(),
			'where'   => array(),
			'orderBy' => array(),
			'groupBy' => array(),
			'having'  => array(),
			'limit'   => 0,
			'offset'  => 0,
		);
		$this->check_permissions = $check_permissions;
		$this->action            = $action;
		foreach ( $entity::fields() as $name => $spec ) {
			$this->add_spec( $name, $spec + array( 'sql' => '`a`.`' . $spec['column_name'] . '`' ) );
		}
		$this->force_select_id = ! $this->is_aggregate() || in_array( 'id', (array) $this->params['groupBy'], true );
	}

	/**
	 * Runs the query and returns formatted rows.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public function run(): array {
		$this->build_select( null );
		list( $where, $where_params )   = $this->build_where();
		$order                          = $this->build_order_by();
		$limit                          = $this->build_limit();
		$group                          = $this->build_group_by();
		list( $having, $having_params ) = $this->build_having();
		$sql                            = 'SELECT ' . implode( ', ', $this->select_sql ) . $this->from() . $where . $group . $having . $order . $limit;
		$this->action->debug( 'sql', $sql );
		$rows = Database::instance()->fetch_all( $sql, array_merge( $where_params, $having_params ) );
		return array_map( array( $this, 'format_row' ), $rows );
	}

	/**
	 * Number of matching rows (or groups), regardless of limit.
	 *
	 * @return int
	 */
	public function count(): int {
		list( $where, $where_params ) = $this->build_where();
		if ( ! $this->params['having'] && ! $this->params['groupBy'] ) {
			$sql = 'SELECT COUNT(*) AS `c`' . $this->from() . $where;
			$this->action->debug( 'sql', $sql );
			return (int) Database::instance()->fetch_value( $sql, $where_params );
		}
		$this->build_select( $this->params['having'] ? null : array_slice( (array) $this->params['groupBy'], -1 ) );
		list( $having, $having_params ) = $this->build_having();
		$group                          = $this->build_group_by();
		$sql                            = 'SELECT count(*) AS `c` FROM ( SELECT ' . implode( ', ', $this->select_sql ) . $this->from() . $where . $group . $having . ' ) AS `rows`';
		$this->action->debug( 'sql', $sql );
		return (int) Database::instance()->fetch_value( $sql, array_merge( $where_params, $having_params ) );
	}

	/**
	 * Looks a field up, joining implicitly for dotted names.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4SelectQuery.php getField()
	 *
	 * @param string $name   Field path.
	 * @param bool   $strict Throw when unknown or not permitted.
	 * @return array<string, mixed>|null
	 * @throws \CRM_Core_Exception Unknown field (strict).
	 * @throws \Civi\API\Exception\UnauthorizedException Field not permitted (strict).
	 */
	public function field( string $name, bool $strict ): ?array {
		if ( ! array_key_exists( $name, $this->specs ) && strpos( $name, '.' ) ) {
			$this->join_for( $name );
		}
		$spec = $this->specs[ $name ] ?? null;
		if ( ! $spec ) {
			$this->action->debug( false === $spec ? 'unauthorized_fields' : 'undefined_fields', $name );
		}
		if ( $strict && null === $spec ) {
			throw new \CRM_Core_Exception( "Invalid field '$name'" );
		}
		if ( $strict && false === $spec ) {
			throw new \Civi\API\Exception\UnauthorizedException( "Unauthorized field '$name'" );
		}
		return $spec ? $spec : null;
	}

	/**
	 * What a HAVING clause compares: a SELECT alias, or an expression that is
	 * in the SELECT list.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php composeClause() (HAVING branch)
	 *
	 * @param string $expr Alias or expression.
	 * @return array{0: string, 1: string|null} SQL and data type.
	 * @throws \CRM_Core_Exception Not in SELECT.
	 * @throws \Civi\API\Exception\UnauthorizedException Selected but not permitted.
	 */
	public function having_target( string $expr ): array {
		$alias = null;
		if ( isset( $this->select_aliases[ $expr ] ) ) {
			$alias = $expr;
		} else {
			foreach ( $this->select_aliases as $name => $item ) {
				if ( $item['expr']->expr === $expr ) {
					$alias = $name;
					break;
				}
			}
		}
		if ( null === $alias ) {
			if ( in_array( $expr, (array) $this->params['select'], true ) ) {
				throw new \Civi\API\Exception\UnauthorizedException( "Unauthorized field '$expr'" );
			}
			throw new \CRM_Core_Exception( "Invalid expression in HAVING clause: '$expr'. Must use a value from SELECT clause." );
		}
		$item = $this->select_aliases[ $alias ];
		return array( '`' . $item['sql_alias'] . '`', $this->data_type( $item['expr'] ) );
	}

	/**
	 * Whether the query aggregates (GROUP BY or an aggregate in SELECT).
	 *
	 * @return bool
	 */
	private function is_aggregate(): bool {
		if ( $this->params['groupBy'] ) {
			return true;
		}
		foreach ( (array) $this->params['select'] as $item ) {
			try {
				if ( Sql_Expression::parse( (string) $item, true )->is_aggregate() ) {
					return true;
				}
			} catch ( \CRM_Core_Exception $e ) {
				continue;
			}
		}
		return false;
	}

	/**
	 * Records a field spec, or false when permissions hide it.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php addSpecField()
	 * @param string               $path Field path.
	 * @param array<string, mixed> $spec Spec with 'sql'.
	 */
	private function add_spec( string $path, array $spec ): void {
		if ( $this->check_permissions && ! empty( $spec['permission'] ) && ! Entity::field_permitted( $spec ) ) {
			$this->specs[ $path ] = false;
			return;
		}
		$this->specs[ $path ] = $spec;
	}

	/**
	 * Adds the implicit join a dotted field name needs, if the entity has it
	 * and, with permission checks, the user may get the joined entity
	 * (Email.getActions needs 'access CiviCRM'). Otherwise the joined fields
	 * stay unknown: dropped from SELECT, "Invalid field" in WHERE.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4SelectQuery.php autoJoinFK(), checkEntityAccess()
	 *
	 * @param string $name e.g. email_primary.email.
	 */
	private function join_for( string $name ): void {
		$join_name = substr( $name, 0, (int) strpos( $name, '.' ) );
		$entity    = $this->entity;
		$joins     = $entity::joins();
		if ( ! isset( $joins[ $join_name ] ) || isset( $this->joined[ $join_name ] ) ) {
			return;
		}
		$target = $joins[ $join_name ]['entity'];
		if ( $this->check_permissions && ! $target::may_get() ) {
			return;
		}
		$this->joined[ $join_name ] = 'LEFT JOIN `' . $target::table() . "` `$join_name` ON " . str_replace( '{alias}', $join_name, $joins[ $join_name ]['on'] );
		foreach ( $target::fields() as $field => $spec ) {
			$this->add_spec(
				"$join_name.$field",
				array_merge(
					$spec,
					array(
						'name' => "$join_name.$field",
						'sql'  => "`$join_name`.`" . $spec['column_name'] . '`',
					)
				)
			);
		}
	}

	/**
	 * Builds the SELECT list.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4SelectQuery.php buildSelectClause()
	 * @param array<int, string>|null $select Items, or null for the API's select.
	 */
	private function build_select( ?array $select ): void {
		$this->select_aliases = array();
		$this->select_sql     = array();
		$select               = array_values( array_diff( $select ?? (array) $this->params['select'], array( 'row_count' ) ) );
		if ( ! $select ) {
			// Every base field the user may see; unpermitted ones quietly left out.
			$select = array_keys( array_filter( $this->specs, static fn( $spec ) => is_array( $spec ) && false === strpos( $spec['name'], '.' ) ) );
		} else {
			if ( $this->force_select_id ) {
				$select = array_merge( array( 'id' ), $select );
			}
			$expanded = array();
			foreach ( $select as $item ) {
				if ( false !== strpos( $item, '*' ) && false !== strpos( $item, '.' ) && false === strpos( $item, '(' ) && false === strpos( $item, ' ' ) ) {
					$this->join_for( substr( $item, 0, (int) strrpos( $item, '.' ) ) . '.id' );
					$visible  = array_keys( array_filter( $this->specs, 'is_array' ) );
					$expanded = array_merge( $expanded, Sql_Expression::matching_fields( $item, $visible ) );
					continue;
				}
				$expanded[] = $item;
			}
			$select = array_unique( $expanded );
		}
		foreach ( $select as $item ) {
			$this->add_to_select( (string) $item );
		}
	}

	/**
	 * Adds one item to SELECT unless one of its fields is unknown or hidden.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php addExprToSelectClause()
	 * @param string $item Expression.
	 * @throws \CRM_Core_Exception Bad alias.
	 */
	private function add_to_select( string $item ): void {
		$expr = Sql_Expression::parse( $item, true );
		foreach ( $expr->fields as $name ) {
			if ( ! $this->field( $name, false ) ) {
				return;
			}
		}
		$alias = $expr->alias();
		if ( $alias !== $expr->expr && array_key_exists( $alias, $this->specs ) ) {
			throw new \CRM_Core_Exception( 'Cannot use existing field name as alias' );
		}
		if ( isset( $this->select_aliases[ $alias ] ) && $this->select_aliases[ $alias ]['expr']->expr !== $expr->expr ) {
			throw new \CRM_Core_Exception( "Duplicate alias '$alias' in SELECT clause" );
		}
		if ( isset( $this->select_aliases[ $alias ] ) ) {
			return;
		}
		// Result columns get neutral SQL aliases so no user text reaches the SQL.
		$sql_alias                      = 'c' . count( $this->select_aliases );
		$this->select_aliases[ $alias ] = array(
			'expr'      => $expr,
			'sql_alias' => $sql_alias,
		);
		$this->select_sql[]             = $this->render( $expr ) . " AS `$sql_alias`";
	}

	/**
	 * SQL for an expression whose fields are known.
	 *
	 * @param Sql_Expression $expr Expression.
	 * @return string
	 */
	private function render( Sql_Expression $expr ): string {
		if ( 'wild' === $expr->type ) {
			return '*';
		}
		if ( 'field' === $expr->type ) {
			return $this->field( $expr->fields[0], true )['sql'];
		}
		return $expr->function . '(' . ( $expr->distinct ? 'DISTINCT ' : '' ) . $this->render( $expr->argument ) . ')';
	}

	/**
	 * WHERE clause including row-level ACLs.
	 *
	 * @return array{0: string, 1: array<int, mixed>}
	 */
	private function build_where(): array {
		$parts  = array();
		$params = array();
		if ( $this->check_permissions ) {
			$entity = $this->entity;
			foreach ( $entity::acl_clauses( 'a' ) as list( $sql, $values ) ) {
				$parts[] = $sql;
				$params  = array_merge( $params, $values );
			}
		}
		$builder = new Clause_Builder( $this );
		foreach ( (array) $this->params['where'] as $clause ) {
			list( $sql, $values ) = $builder->walk( $clause, 'WHERE' );
			if ( '' !== $sql ) {
				$parts[] = $sql;
				$params  = array_merge( $params, $values );
			}
		}
		return array( $parts ? ' WHERE (' . implode( ') AND (', $parts ) . ')' : '', $params );
	}

	/**
	 * HAVING clause; every expression must be in SELECT.
	 *
	 * @return array{0: string, 1: array<int, mixed>}
	 */
	private function build_having(): array {
		$parts   = array();
		$params  = array();
		$builder = new Clause_Builder( $this );
		foreach ( (array) $this->params['having'] as $clause ) {
			list( $sql, $values ) = $builder->walk( $clause, 'HAVING' );
			if ( '' !== $sql ) {
				$parts[] = $sql;
				$params  = array_merge( $params, $values );
			}
		}
		return array( $parts ? ' HAVING (' . implode( ') AND (', $parts ) . ')' : '', $params );
	}

	/**
	 * GROUP BY; a hidden or unknown field is an error here (core does not catch it).
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php buildGroupBy()
	 * @return string
	 */
	private function build_group_by(): string {
		$items = array();
		foreach ( (array) $this->params['groupBy'] as $item ) {
			$expr = Sql_Expression::parse( (string) $item );
			foreach ( $expr->fields as $name ) {
				$this->field( $name, true );
			}
			$items[] = $this->render( $expr );
		}
		return $items ? ' GROUP BY ' . implode( ', ', $items ) : '';
	}

	/**
	 * ORDER BY; hidden fields are skipped, aliases from SELECT allowed.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4SelectQuery.php buildOrderBy()
	 * @return string
	 * @throws \CRM_Core_Exception Bad direction or unknown field.
	 */
	private function build_order_by(): string {
		$items = array();
		foreach ( (array) $this->params['orderBy'] as $item => $direction ) {
			if ( 'ASC' !== $direction && 'DESC' !== $direction ) {
				throw new \CRM_Core_Exception( "Invalid sort direction. Cannot order by $item $direction" );
			}
			try {
				$expr = Sql_Expression::parse( (string) $item );
				foreach ( $expr->fields as $name ) {
					$this->field( $name, true );
				}
				$column = $this->render( $expr );
			} catch ( \CRM_Core_Exception $e ) {
				if ( $e instanceof \Civi\API\Exception\UnauthorizedException ) {
					$this->action->debug( 'unauthorized_fields', $item );
					continue;
				}
				if ( empty( $this->select_aliases[ $item ] ) ) {
					throw new \CRM_Core_Exception( "Invalid field '{$item}'" );
				}
				$column = '`' . $this->select_aliases[ $item ]['sql_alias'] . '`';
			}
			$items[] = "$column $direction";
		}
		return $items ? ' ORDER BY ' . implode( ', ', $items ) : '';
	}

	/**
	 * LIMIT/OFFSET; a limit of 0 means none.
	 *
	 * @return string
	 */
	private function build_limit(): string {
		$limit  = (int) $this->params['limit'];
		$offset = (int) $this->params['offset'];
		if ( ! $limit && ! $offset ) {
			return '';
		}
		return ' LIMIT ' . ( $limit ? (string) $limit : self::UNLIMITED ) . ' OFFSET ' . $offset;
	}

	/**
	 * FROM with the joins in use.
	 *
	 * @return string
	 */
	private function from(): string {
		$entity = $this->entity;
		return ' FROM `' . $entity::table() . '` `a`' . ( $this->joined ? ' ' . implode( ' ', $this->joined ) : '' );
	}

	/**
	 * Output data type of a selected expression.
	 *
	 * @param Sql_Expression $expr Expression.
	 * @return string|null
	 */
	private function data_type( Sql_Expression $expr ): ?string {
		if ( 'function' === $expr->type ) {
			$type = $expr->function_data_type();
			if ( $type ) {
				return $type;
			}
			$expr = $expr->argument;
		}
		if ( 'field' === $expr->type ) {
			$spec = $this->specs[ $expr->fields[0] ] ?? null;
			return $spec ? $spec['data_type'] : null;
		}
		return null;
	}

	/**
	 * A database row as the API returns it: result aliases, typed values.
	 *
	 * @see civicrm-core Civi/Api4/Utils/FormattingUtil.php formatOutputValues()
	 * @param array<string, mixed> $row Row keyed by SQL alias.
	 * @return array<string, mixed>
	 */
	private function format_row( array $row ): array {
		$out = array();
		foreach ( $this->select_aliases as $alias => $item ) {
			$out[ $alias ] = self::convert( $row[ $item['sql_alias'] ] ?? null, $this->data_type( $item['expr'] ) );
		}
		return $out;
	}

	/**
	 * Casts a database value to its API type.
	 *
	 * @param mixed       $value     Value.
	 * @param string|null $data_type Data type.
	 * @return mixed
	 */
	public static function convert( $value, ?string $data_type ) {
		if ( null === $value ) {
			return null;
		}
		switch ( $data_type ) {
			case 'Integer':
				return (int) $value;
			case 'Boolean':
				return (bool) $value;
			case 'Float':
				return (float) $value;
			default:
				return is_string( $value ) ? $value : (string) $value;
		}
	}
}
