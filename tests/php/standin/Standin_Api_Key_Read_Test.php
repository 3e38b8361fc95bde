<?php
/**
 * Reading api_key without permission.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Standin;

require_once __DIR__ . '/class-standin-test-case.php';

/**
 * The api_key field carries the permission [['administer CiviCRM', 'edit api
 * keys']]: without it the field does not exist for the query.
 *
 * @see civicrm-core schema/Contact/Contact.entityType.php ('permission' on api_key)
 * @see civicrm-core Civi/Api4/Query/Api4Query.php addSpecField()
 */
class Standin_Api_Key_Read_Test extends Standin_Test_Case {

	/**
	 * A contact with a key, and a user who may see every contact but not keys.
	 *
	 * @param array<int, string> $extra_caps More capabilities.
	 * @return array{0: int, 1: string}
	 */
	private function keyed_contact_and_viewer( array $extra_caps = array() ): array {
		$key = self::key();
		$id  = $this->civicrm_contact( array( 'api_key' => $key ) );
		$this->login_as( $this->user_with( array_merge( array( 'access_civicrm', 'view_all_contacts' ), $extra_caps ) ) );
		return array( $id, $key );
	}

	/**
	 * Selecting api key silently drops it.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php addExprToSelectClause() ("Remove expressions with unknown fields without raising an error")
	 */
	public function test_selecting_api_key_silently_drops_it() {
		list( $id ) = $this->keyed_contact_and_viewer();

		$row = civicrm_api4(
			'Contact',
			'get',
			array(
				'select' => array( 'display_name', 'api_key' ),
				'where'  => array( array( 'id', '=', $id ) ),
			)
		)->first();

		$this->assertSame( array( 'id', 'display_name' ), array_keys( $row ) );
	}

	/**
	 * `*` (and the default empty select) leaves api_key out too.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4SelectQuery.php buildSelectClause(), selectMatchingFields()
	 */
	public function test_star_leaves_api_key_out() {
		list( $id ) = $this->keyed_contact_and_viewer();

		$star    = civicrm_api4( 'Contact', 'get', array( 'where' => array( array( 'id', '=', $id ) ) ) )->first();
		$default = civicrm_api4(
			'Contact',
			'get',
			array(
				'select' => array( '*' ),
				'where'  => array( array( 'id', '=', $id ) ),
			)
		)->first();

		$this->assertArrayNotHasKey( 'api_key', $star );
		$this->assertArrayNotHasKey( 'api_key', $default );
		$this->assertArrayHasKey( 'display_name', $star );
	}

	/**
	 * The dropped field is listed in debug['unauthorized_fields'] — but only
	 * when the call asks for `debug` and the user has 'view debug output';
	 * otherwise $result->debug is NULL.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php debug()
	 * @see civicrm-core Civi/Api4/Generic/AbstractAction.php execute()
	 */
	public function test_unauthorized_fields_are_listed_only_in_debug_output() {
		list( $id ) = $this->keyed_contact_and_viewer( array( 'view_debug_output' ) );
		$params     = array(
			'select' => array( 'display_name', 'api_key' ),
			'where'  => array( array( 'id', '=', $id ) ),
		);

		$plain = civicrm_api4( 'Contact', 'get', $params );
		$debug = civicrm_api4( 'Contact', 'get', $params + array( 'debug' => true ) );

		$this->assertNull( $plain->debug );
		$this->assertContains( 'api_key', $debug->debug['unauthorized_fields'] );
		$this->assertSame( 'Civi\\Api4\\Generic\\DAOGetAction', $debug->debug['actionClass'] );
	}

	/**
	 * Debug output needs view debug output.
	 *
	 * @see civicrm-core Civi/Api4/Generic/AbstractAction.php execute() ("view debug output")
	 */
	public function test_debug_output_needs_view_debug_output() {
		list( $id ) = $this->keyed_contact_and_viewer();

		$result = civicrm_api4(
			'Contact',
			'get',
			array(
				'select' => array( 'api_key' ),
				'where'  => array( array( 'id', '=', $id ) ),
				'debug'  => true,
			)
		);

		$this->assertNull( $result->debug );
	}

	/**
	 * A WHERE condition on api_key is silently dropped: the query then matches
	 * every contact the user can see. Never use it to look a key up without
	 * the permission.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php treeWalkClauses() ("Silently ignore fields the user lacks permission to see")
	 */
	public function test_where_on_api_key_is_silently_ignored() {
		list( $id ) = $this->keyed_contact_and_viewer();
		$other      = $this->civicrm_contact();

		$ids = civicrm_api4(
			'Contact',
			'get',
			array(
				'select' => array( 'id' ),
				'where'  => array(
					array( 'id', 'IN', array( $id, $other ) ),
					array( 'api_key', '=', 'no-such-key' ),
				),
			)
		)->column( 'id' );

		$this->assertEqualsCanonicalizing( array( $id, $other ), $ids );
	}

	/**
	 * Inside an OR of two or more, the dropped condition leaves broken SQL,
	 * which MySQL rejects: a DBQueryException "DB Error: syntax error".
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php treeWalkClauses() (implode of sub-clauses)
	 */
	public function test_api_key_inside_an_or_group_is_a_syntax_error() {
		$this->keyed_contact_and_viewer();

		$error = $this->assertThrowsExactly(
			'Civi\\Core\\Exception\\DBQueryException',
			'DB Error: syntax error',
			static fn() => civicrm_api4(
				'Contact',
				'get',
				array(
					'where' => array(
						array(
							'OR',
							array(
								array( 'api_key', '=', 'x' ),
								array( 'id', '=', 1 ),
							),
						),
					),
				)
			)
		);
		$this->assertSame( 1064, $error->getSQLErrorCode() );
	}

	/**
	 * ORDER BY api_key is skipped (and noted under debug unauthorized_fields).
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4SelectQuery.php buildOrderBy()
	 */
	public function test_order_by_api_key_is_skipped() {
		list( $id ) = $this->keyed_contact_and_viewer();

		$result = civicrm_api4(
			'Contact',
			'get',
			array(
				'where'   => array( array( 'id', '=', $id ) ),
				'orderBy' => array( 'api_key' => 'ASC' ),
			)
		);

		$this->assertSame( 1, $result->count() );
	}

	/**
	 * GROUP BY api_key is not caught: UnauthorizedException "Unauthorized field 'api_key'".
	 * So the duplicate-key query (groupBy api_key, having COUNT > 1) fails
	 * loudly for users without the permission.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php buildGroupBy(), getExpression()
	 * @see civicrm-core Civi/Api4/Query/Api4SelectQuery.php getField() (strict)
	 */
	public function test_group_by_api_key_throws_unauthorized() {
		$this->keyed_contact_and_viewer();

		$error = $this->assertThrowsExactly(
			'Civi\\API\\Exception\\UnauthorizedException',
			"Unauthorized field 'api_key'",
			static fn() => civicrm_api4(
				'Contact',
				'get',
				array(
					'select'  => array( 'api_key', 'COUNT(id) AS count' ),
					'groupBy' => array( 'api_key' ),
					'having'  => array( array( 'count', '>', 1 ) ),
				)
			)
		);
		$this->assertSame( 'unauthorized', $error->getErrorCode() );
	}

	/**
	 * With the permission, the duplicate-key query works.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php composeClause() (HAVING on a SELECT alias)
	 */
	public function test_duplicate_keys_are_found_with_group_by_and_having() {
		$key = self::key();
		$a   = $this->civicrm_contact( array( 'api_key' => $key ) );
		$this->civicrm_contact( array( 'api_key' => $key ) );
		$this->civicrm_contact( array( 'api_key' => self::key() ) );
		$this->login_as( $this->user_with( array( 'access_civicrm', 'view_all_contacts', 'edit_api_keys' ) ) );

		$rows = civicrm_api4(
			'Contact',
			'get',
			array(
				'select'  => array( 'api_key', 'COUNT(id) AS count' ),
				'where'   => array( array( 'api_key', 'IS NOT NULL' ) ),
				'groupBy' => array( 'api_key' ),
				'having'  => array( array( 'count', '>', 1 ) ),
			)
		);

		$this->assertContains(
			array(
				'api_key' => $key,
				'count'   => 2,
			),
			$rows->getArrayCopy()
		);
		$this->assertNotNull( $a );
	}

	/**
	 * The getFields action leaves api_key out for users without the field permission —
	 * the API's own answer to "may the current user edit keys?".
	 *
	 * @see civicrm-core Civi/Api4/Generic/BasicGetFieldsAction.php formatResults() ("Enforce field permissions")
	 */
	public function test_get_fields_hides_api_key_without_permission() {
		$params = array(
			'where'  => array( array( 'name', '=', 'api_key' ) ),
			'select' => array( 'name' ),
		);

		$this->login_as( $this->user_with( array( 'access_civicrm' ) ) );
		$this->assertSame( 0, civicrm_api4( 'Contact', 'getFields', $params )->count() );

		$this->login_as( $this->user_with( array( 'access_civicrm', 'edit_api_keys' ) ) );
		$this->assertSame( array( array( 'name' => 'api_key' ) ), civicrm_api4( 'Contact', 'getFields', $params )->getArrayCopy() );
	}

	/**
	 * The api_key field as getFields describes it, with every key core's
	 * rows have, in core's order.
	 *
	 * @see civicrm-core Civi/Api4/Generic/BasicGetFieldsAction.php fields()
	 * @see civicrm-core schema/Contact/Contact.entityType.php (api_key)
	 */
	public function test_get_fields_describes_api_key() {
		$field = civicrm_api4(
			'Contact',
			'getFields',
			array(
				'action'           => 'get',
				'where'            => array( array( 'name', '=', 'api_key' ) ),
				'checkPermissions' => false,
			)
		)->single();

		$this->assertSame(
			array( 'default_value', 'type', 'entity', 'required', 'nullable', 'required_if', 'permission', 'readonly', 'deprecated', 'usage', 'name', 'title', 'description', 'data_type', 'serialize', 'fk_entity', 'fk_column', 'dfk_entities', 'options', 'suffixes', 'options_callback', 'options_callback_params', 'label', 'input_type', 'localizable', 'input_attrs', 'help_pre', 'help_post', 'table_name', 'column_name', 'operators', 'custom_field_id' ),
			array_keys( $field )
		);
		$this->assertSame(
			array(
				'required'    => false,
				'nullable'    => true,
				'permission'  => array( array( 'administer CiviCRM', 'edit api keys' ) ),
				'readonly'    => true,
				'title'       => 'Api Key',
				'data_type'   => 'String',
				'label'       => 'API KEY',
				'input_type'  => null,
				'input_attrs' => array( 'label' => 'API KEY' ),
				'table_name'  => 'civicrm_contact',
				'column_name' => 'api_key',
			),
			array_intersect_key( $field, array_flip( array( 'required', 'nullable', 'permission', 'readonly', 'title', 'data_type', 'label', 'input_type', 'input_attrs', 'table_name', 'column_name' ) ) )
		);
	}

	/**
	 * 'edit own api keys' does not satisfy the field permission.
	 *
	 * @see civicrm-core schema/Contact/Contact.entityType.php (permission lists only administer CiviCRM / edit api keys)
	 */
	public function test_edit_own_api_keys_does_not_reveal_the_field() {
		$this->login_as( $this->user_with( array( 'access_civicrm', 'edit_own_api_keys' ) ) );

		$fields = civicrm_api4( 'Contact', 'getFields', array( 'where' => array( array( 'name', '=', 'api_key' ) ) ) );

		$this->assertSame( 0, $fields->count() );
	}

	/**
	 * The getFields action is a "meta" action: it needs 'access CiviCRM'.
	 *
	 * @see civicrm-core Civi/Api4/Generic/AbstractAction.php getPermissions() ('getFields' => 'meta')
	 * @see civicrm-core Civi/API/Kernel.php authorize()
	 */
	public function test_get_fields_needs_access_civicrm() {
		$this->login_as( $this->user_with( array( 'edit_api_keys' ) ) );

		$this->assertThrowsExactly(
			'Civi\\API\\Exception\\UnauthorizedException',
			'Authorization failed: CiviCRM APIv4 (Contact::getFields)',
			static fn() => civicrm_api4( 'Contact', 'getFields', array( 'where' => array( array( 'name', '=', 'api_key' ) ) ) )
		);
	}
}
