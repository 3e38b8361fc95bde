<?php
/**
 * The Result object and civicrm_api4()'s $index.
 *
 * @package CiviKey\Tests
 */

// phpcs:disable WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- Result::$rowCount is CiviCRM's name.

namespace CiviKey\Tests\Standin;

require_once __DIR__ . '/class-standin-test-case.php';

/**
 * Result helpers behave like core's.
 */
class Standin_Result_Test extends Standin_Test_Case {

	/**
	 * Three contacts sharing a unique last name.
	 *
	 * @return array{0: string, 1: array<int, int>}
	 */
	private function three(): array {
		$last = 'Result' . wp_generate_password( 8, false );
		$ids  = array();
		foreach ( array( 'Ann', 'Bob', 'Cy' ) as $first ) {
			$ids[] = $this->civicrm_contact(
				array(
					'first_name' => $first,
					'last_name'  => $last,
				)
			);
		}
		return array( $last, $ids );
	}

	/**
	 * Get with the usual parameters.
	 *
	 * @param string               $last  Last name.
	 * @param array<string, mixed> $extra Parameters.
	 * @param mixed                $index $index.
	 * @return mixed
	 */
	private function get( string $last, array $extra = array(), $index = null ) {
		return civicrm_api4(
			'Contact',
			'get',
			$extra + array(
				'select'           => array( 'first_name' ),
				'where'            => array( array( 'last_name', '=', $last ) ),
				'orderBy'          => array( 'id' => 'ASC' ),
				'checkPermissions' => false,
			),
			$index
		);
	}

	/**
	 * Result is an array object with entity and action.
	 *
	 * @see civicrm-core Civi/Api4/Generic/Result.php (extends ArrayObject; entity/action/version)
	 */
	public function test_result_is_an_array_object_with_entity_and_action() {
		list( $last ) = $this->three();
		$result       = $this->get( $last );

		$this->assertInstanceOf( \ArrayObject::class, $result );
		$this->assertSame( 'Contact', $result->entity );
		$this->assertSame( 'get', $result->action );
		$this->assertSame( 4, $result->version );
		$this->assertSame( 'Ann', $result->first()['first_name'] );
		$this->assertSame( 'Cy', $result->last()['first_name'] );
	}

	/**
	 * The id is always selected unless the query aggregates.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4SelectQuery.php __construct() (forceSelectId)
	 */
	public function test_id_is_added_to_the_select() {
		list( $last, $ids ) = $this->three();

		$this->assertSame(
			array(
				'id'         => $ids[0],
				'first_name' => 'Ann',
			),
			$this->get( $last )->first()
		);
	}

	/**
	 * Single throws for several or none.
	 *
	 * @see civicrm-core Civi/Api4/Generic/Result.php single(); CRM/Utils/Array.php single()
	 */
	public function test_single_throws_for_several_or_none() {
		list( $last ) = $this->three();

		$this->assertThrowsExactly( 'CRM_Core_Exception', 'Expected to find one Contact record, but there were multiple.', fn() => $this->get( $last )->single() );
		$this->assertThrowsExactly( 'CRM_Core_Exception', 'Expected to find one Contact record, but there were zero.', fn() => $this->get( $last . 'x' )->single() );
	}

	/**
	 * The rowCount is set only when the whole result was fetched; countMatched()
	 * only with row_count in select.
	 *
	 * @see civicrm-core Civi/Api4/Generic/DAOGetAction.php getObjects()
	 */
	public function test_counts_follow_limit_and_row_count_rules() {
		list( $last ) = $this->three();

		$all = $this->get( $last );
		$this->assertSame( 3, $all->rowCount );
		$this->assertThrowsExactly( 'CRM_Core_Exception', 'countMatched can only be used if there was no limit set or if row_count was included in the select fields.', fn() => $all->countMatched() );

		$page = $this->get( $last, array( 'limit' => 2 ) );
		$this->assertNull( $page->rowCount );
		$this->assertSame( 2, $page->count() );
		$this->assertSame( 2, $page->countFetched() );

		$counted = $this->get(
			$last,
			array(
				'select' => array( 'first_name', 'row_count' ),
				'limit'  => 2,
			)
		);
		$this->assertSame( 3, $counted->countMatched() );
		$this->assertSame( 3, $counted->count() );
		$this->assertSame( 2, $counted->countFetched() );

		$only = $this->get( $last, array( 'select' => array( 'row_count' ) ) );
		$this->assertSame( 0, $only->countFetched() );
		$this->assertSame( 3, $only->countMatched() );
		$this->assertSame( 3, $only->count() );
		$this->assertSame( array(), $only->getArrayCopy() );

		$no_limit = $this->get( $last );
		$this->assertSame( 3, $no_limit->count() );
		$this->assertThrowsExactly( 'CRM_Core_Exception', 'countMatched can only be used if there was no limit set or if row_count was included in the select fields.', fn() => $no_limit->countMatched() );
	}

	/**
	 * An offset past the last row, with row_count: nothing fetched, and the
	 * counts are the offset (core counts the fetched rows plus the offset
	 * when a page comes back short).
	 *
	 * @see civicrm-core Civi/Api4/Generic/DAOGetAction.php getObjects()
	 */
	public function test_an_offset_past_the_end_counts_the_offset() {
		list( $last ) = $this->three();

		$past = $this->get(
			$last,
			array(
				'select' => array( 'first_name', 'row_count' ),
				'limit'  => 2,
				'offset' => 100,
			)
		);

		$this->assertSame( 0, $past->countFetched() );
		$this->assertSame( 100, $past->countMatched() );
		$this->assertSame( 100, $past->count() );
		$this->assertSame( 100, $past->rowCount );
	}

	/**
	 * Index by and column.
	 *
	 * @see civicrm-core Civi/Api4/Generic/Result.php indexBy(), column()
	 */
	public function test_index_by_and_column() {
		list( $last, $ids ) = $this->three();
		$result             = $this->get( $last )->indexBy( 'id' );

		$this->assertSame( $ids, array_keys( $result->getArrayCopy() ) );
		$this->assertSame( array_combine( $ids, array( 'Ann', 'Bob', 'Cy' ) ), $result->column( 'first_name' ) );
		$this->assertThrowsExactly( 'CRM_Core_Exception', 'Key nope not found in api results', fn() => $this->get( $last )->indexBy( 'nope' ) );
	}

	/**
	 * A string $index indexes the rows, adding the field to select and taking it out again.
	 *
	 * @see civicrm-core api/api.php civicrm_api4()
	 */
	public function test_string_index_keys_rows_by_field() {
		list( $last ) = $this->three();

		$result = $this->get( $last, array(), 'first_name' );

		$this->assertSame( array( 'Ann', 'Bob', 'Cy' ), array_keys( $result->getArrayCopy() ) );
		$this->assertArrayHasKey( 'id', $result['Ann'] );
	}

	/**
	 * An integer $index returns that row only; a missing one throws.
	 *
	 * @see civicrm-core api/api.php civicrm_api4()
	 */
	public function test_integer_index_returns_one_row() {
		list( $last ) = $this->three();

		$this->assertSame( 'Bob', $this->get( $last, array(), 1 )['first_name'] );
		$this->assertSame( 'Cy', $this->get( $last, array(), -1 )['first_name'] );
		$this->assertThrowsExactly( 'CRM_Core_Exception', 'Index 5 not found in api results', fn() => $this->get( $last, array(), 5 ) );
	}

	/**
	 * An array $index returns one column, optionally keyed by another.
	 *
	 * @see civicrm-core api/api.php civicrm_api4()
	 */
	public function test_array_index_returns_a_column() {
		list( $last, $ids ) = $this->three();

		$this->assertSame( array( 'Ann', 'Bob', 'Cy' ), $this->get( $last, array(), array( 'first_name' ) )->getArrayCopy() );
		$this->assertSame( array_combine( $ids, array( 'Ann', 'Bob', 'Cy' ) ), $this->get( $last, array(), array( 'id' => 'first_name' ) )->getArrayCopy() );
	}
}
