<?php
/**
 * The get action on a database entity.
 *
 * @package CiviCRM_Standin
 */

// phpcs:disable WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- Result::$rowCount is CiviCRM's name.

namespace CiviCRM_Standin\Actions;

use Civi\Api4\Generic\Result;
use CiviCRM_Standin\Query\Select_Query;
use CiviCRM_Standin\Query\Sql_Expression;

/**
 * Reads records through Select_Query.
 *
 * @see civicrm-core Civi/Api4/Generic/DAOGetAction.php
 * @see civicrm-core Civi/Api4/Generic/Traits/SelectParamTrait.php expandSelectClauseWildcards()
 */
class Dao_Get_Action extends Action {

	/**
	 * Parameters this action takes besides the common ones.
	 *
	 * @return array
	 */
	protected function own_param_info(): array {
		return self::query_param_info() + array(
			'groupBy'         => array(
				'type'    => array( 'array' ),
				'default' => array(),
			),
			'having'          => array(
				'type'    => array( 'array' ),
				'default' => array(),
			),
			'join'            => array(
				'type'    => array( 'array' ),
				'default' => array(),
			),
			'translationMode' => array( 'type' => array( 'string' ) ),
		);
	}

	/**
	 * Class name core reports as debug actionClass for this action.
	 *
	 * @return string
	 */
	public function core_class(): string {
		return 'Civi\\Api4\\Generic\\DAOGetAction';
	}

	/**
	 * Fetches rows; with `row_count` in select, or no limit reached, also the
	 * number of matches (countMatched()). rowCount is set only when the
	 * result is complete (no limit, or fewer rows than the limit) or counted.
	 *
	 * @see civicrm-core Civi/Api4/Generic/DAOGetAction.php getObjects()
	 * @param Result $result Result to fill.
	 * @throws \CRM_Core_Exception Explicit joins are not implemented.
	 */
	public function run( Result $result ): void {
		if ( ! empty( $this->params['join'] ) ) {
			throw new \CRM_Core_Exception( 'civicrm-standin does not implement explicit joins' );
		}
		$this->add_default_where();
		$this->expand_select();
		$select     = (array) $this->params['select'];
		$get_count  = in_array( 'row_count', $select, true );
		$only_count = array( 'row_count' ) === $select;
		$limit      = (int) $this->params['limit'];
		$offset     = (int) $this->params['offset'];

		if ( ! $only_count ) {
			$rows = ( new Select_Query( $this->entity_class, $this->query_params(), $this->check_permissions(), $this ) )->run();
			$result->exchangeArray( $rows );
			if ( ! $limit || count( $rows ) < $limit ) {
				if ( $get_count ) {
					$result->setCountMatched( count( $rows ) + $offset );
					$get_count = false;
				}
				$result->rowCount = count( $rows ) + $offset;
			}
		}
		if ( $get_count ) {
			$result->setCountMatched( ( new Select_Query( $this->entity_class, $this->query_params(), $this->check_permissions(), $this ) )->count() );
			$result->rowCount = $result->countMatched();
		}
	}

	/**
	 * Runs this get (used by update/delete to find their records).
	 *
	 * @param array<int, string> $select Fields.
	 * @return array<int, array<string, mixed>>
	 */
	public function rows( array $select ): array {
		$this->add_default_where();
		$this->params['select'] = $select;
		$this->expand_select();
		return ( new Select_Query( $this->entity_class, $this->query_params(), $this->check_permissions(), $this ) )->run();
	}

	/**
	 * Sets a parameter directly (internal use).
	 *
	 * @param string $name  Name.
	 * @param mixed  $value Value.
	 */
	public function set_param( string $name, $value ): void {
		$this->params[ $name ] = $value;
	}

	/**
	 * Leaves trashed records out (is_deleted = FALSE) unless the where names
	 * is_deleted anywhere, or fetches by a unique identifier (id or a unique
	 * index, with =, IN or a LIKE without %, at the top level).
	 *
	 * @see civicrm-core Civi/Api4/Generic/AbstractGetAction.php setDefaultWhereClause(), isFetchByUniqueIdentifier(), _itemsToGet(), _whereContains()
	 * @see civicrm-core Civi/Api4/Service/Spec/Provider/GetActionDefaultsProvider.php (is_deleted defaults to FALSE)
	 */
	private function add_default_where(): void {
		$class = $this->entity_class;
		$where = (array) $this->params['where'];
		if ( ! array_key_exists( 'is_deleted', $class::fields() ) || self::where_contains( 'is_deleted', $where ) ) {
			return;
		}
		foreach ( $class::unique_fields() as $index ) {
			$by_index = true;
			foreach ( $index as $field ) {
				$by_index = $by_index && self::fetches_exactly( $field, $where );
			}
			if ( $by_index ) {
				return;
			}
		}
		$where[]               = array( 'is_deleted', '=', false );
		$this->params['where'] = $where;
	}

	/**
	 * Whether a top-level clause picks exact values of a field.
	 *
	 * @param string $field Field.
	 * @param array  $where Where clauses.
	 * @return bool
	 */
	private static function fetches_exactly( string $field, array $where ): bool {
		foreach ( $where as $clause ) {
			if ( is_array( $clause ) && ( $clause[0] ?? null ) === $field && empty( $clause[3] ) && isset( $clause[1] )
				&& ( in_array( $clause[1], array( '=', 'IN' ), true ) || ( 'LIKE' === $clause[1] && ! ( is_string( $clause[2] ?? null ) && false !== strpos( $clause[2], '%' ) ) ) ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a where (nested groups included) names a field.
	 *
	 * @param string $field Field.
	 * @param array  $where Where clauses.
	 * @return bool
	 */
	private static function where_contains( string $field, array $where ): bool {
		foreach ( $where as $clause ) {
			if ( is_array( $clause ) && isset( $clause[0] ) && is_string( $clause[0] ) ) {
				if ( isset( $clause[1] ) && is_array( $clause[1] ) ) {
					if ( self::where_contains( $field, $clause[1] ) ) {
						return true;
					}
				} elseif ( $clause[0] === $field ) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * `*` and other dot-less wildcards become the entity's field names, all of
	 * them: the query then leaves out those the user may not see.
	 */
	private function expand_select(): void {
		$select = (array) $this->params['select'];
		if ( ! $select ) {
			$select = array( '*' );
		}
		$class    = $this->entity_class;
		$names    = array_keys( $class::fields() );
		$expanded = array();
		foreach ( $select as $item ) {
			$item = (string) $item;
			if ( false !== strpos( $item, '*' ) && false === strpos( $item, '.' ) && false === strpos( $item, '(' ) && false === strpos( $item, ' ' ) ) {
				$expanded = array_merge( $expanded, Sql_Expression::matching_fields( $item, $names ) );
				continue;
			}
			$expanded[] = $item;
		}
		$this->params['select'] = array_values( array_unique( $expanded ) );
	}

	/**
	 * Params for the query.
	 *
	 * @return array<string, mixed>
	 */
	private function query_params(): array {
		return array_intersect_key( $this->params, array_flip( array( 'select', 'where', 'orderBy', 'groupBy', 'having', 'limit', 'offset' ) ) );
	}
}
