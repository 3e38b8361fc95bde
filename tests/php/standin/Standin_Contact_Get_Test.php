<?php
/**
 * Contact.get.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Standin;

require_once __DIR__ . '/class-standin-test-case.php';

/**
 * Query parameters, errors and row-level access of Contact.get.
 */
class Standin_Contact_Get_Test extends Standin_Test_Case {

	/**
	 * Unique last name for this test's contacts.
	 *
	 * @var string
	 */
	private $last;

	/**
	 * Makes Ann, Bob (with email) and Cy.
	 *
	 * @return array<string, int>
	 */
	private function people(): array {
		$this->last = 'Get' . wp_generate_password( 8, false );
		return array(
			'Ann' => $this->civicrm_contact(
				array(
					'first_name' => 'Ann',
					'last_name'  => $this->last,
					'source'     => 'alpha',
				)
			),
			'Bob' => $this->civicrm_contact(
				array(
					'first_name'          => 'Bob',
					'last_name'           => $this->last,
					'email_primary.email' => 'Bob.' . $this->last . '@Example.org',
				)
			),
			'Cy'  => $this->civicrm_contact(
				array(
					'first_name' => 'Cy',
					'last_name'  => $this->last,
					'source'     => '',
				)
			),
		);
	}

	/**
	 * First names matching extra where clauses, with permissions off.
	 *
	 * @param array<int, mixed> $where Extra clauses.
	 * @return array<int, string>
	 */
	private function names( array $where ): array {
		return civicrm_api4(
			'Contact',
			'get',
			array(
				'select'           => array( 'first_name' ),
				'where'            => array_merge( array( array( 'last_name', '=', $this->last ) ), $where ),
				'orderBy'          => array( 'first_name' => 'ASC' ),
				'checkPermissions' => false,
			)
		)->column( 'first_name' );
	}

	/**
	 * Comparison operators.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php createSQLClause()
	 * @see civicrm-core CRM/Core/DAO.php createSQLFilter()
	 */
	public function test_where_operators() {
		$ids = $this->people();

		$this->assertSame( array( 'Bob' ), $this->names( array( array( 'first_name', '=', 'Bob' ) ) ) );
		$this->assertSame( array( 'Ann', 'Cy' ), $this->names( array( array( 'first_name', '!=', 'Bob' ) ) ) );
		$this->assertSame( array( 'Ann', 'Cy' ), $this->names( array( array( 'first_name', '<>', 'Bob' ) ) ) );
		$this->assertSame( array( 'Bob', 'Cy' ), $this->names( array( array( 'id', '>', $ids['Ann'] ) ) ) );
		$this->assertSame( array( 'Ann', 'Bob' ), $this->names( array( array( 'id', '<=', $ids['Bob'] ) ) ) );
		$this->assertSame( array( 'Ann', 'Cy' ), $this->names( array( array( 'id', 'IN', array( $ids['Ann'], $ids['Cy'] ) ) ) ) );
		$this->assertSame( array( 'Bob' ), $this->names( array( array( 'id', 'NOT IN', array( $ids['Ann'], $ids['Cy'] ) ) ) ) );
		$this->assertSame( array( 'Ann', 'Bob', 'Cy' ), $this->names( array( array( 'display_name', 'LIKE', '%' . $this->last ) ) ) );
		$this->assertSame( array( 'Ann', 'Cy' ), $this->names( array( array( 'first_name', 'NOT LIKE', 'B%' ) ) ) );
		// An empty IN list matches nothing, an empty NOT IN list everything.
		$this->assertSame( array(), $this->names( array( array( 'id', 'IN', array() ) ) ) );
		$this->assertSame( array( 'Ann', 'Bob', 'Cy' ), $this->names( array( array( 'id', 'NOT IN', array() ) ) ) );
	}

	/**
	 * NULL and empty tests ('' is stored as NULL, as the DAO does).
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php createSQLClause() (IS EMPTY)
	 * @see civicrm-core CRM/Core/DAO.php copyValues() ('' becomes NULL)
	 */
	public function test_null_and_empty_operators() {
		$this->people();

		$this->assertSame( array( 'Bob', 'Cy' ), $this->names( array( array( 'source', 'IS NULL' ) ) ) );
		$this->assertSame( array( 'Ann' ), $this->names( array( array( 'source', 'IS NOT NULL' ) ) ) );
		$this->assertSame( array( 'Bob', 'Cy' ), $this->names( array( array( 'source', 'IS EMPTY' ) ) ) );
		$this->assertSame( array( 'Ann' ), $this->names( array( array( 'source', 'IS NOT EMPTY' ) ) ) );
	}

	/**
	 * OR, AND and NOT groups.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php treeWalkClauses()
	 */
	public function test_nested_groups() {
		$this->people();

		$this->assertSame(
			array( 'Ann', 'Cy' ),
			$this->names(
				array(
					array(
						'OR',
						array(
							array( 'first_name', '=', 'Ann' ),
							array( 'first_name', '=', 'Cy' ),
						),
					),
				)
			)
		);
		$this->assertSame( array( 'Bob' ), $this->names( array( array( 'NOT', array( array( 'first_name', 'IN', array( 'Ann', 'Cy' ) ) ) ) ) ) );
		$this->assertSame(
			array( 'Ann' ),
			$this->names(
				array(
					array(
						'AND',
						array(
							array( 'first_name', '<', 'C' ),
							array( 'NOT', array( array( 'first_name', '=', 'Bob' ) ) ),
						),
					),
				)
			)
		);
	}

	/**
	 * The primary email through the implicit join; emails are stored lower-case.
	 *
	 * @see civicrm-core Civi/Api4/Event/Subscriber/ContactSchemaMapSubscriber.php (email_primary)
	 * @see civicrm-core CRM/Core/BAO/Email.php self_hook_civicrm_pre() (mb_strtolower)
	 */
	public function test_email_primary_join() {
		$ids  = $this->people();
		$rows = civicrm_api4(
			'Contact',
			'get',
			array(
				'select'           => array( 'email_primary.email' ),
				'where'            => array( array( 'email_primary.email', 'LIKE', 'bob.%' ) ),
				'checkPermissions' => false,
			)
		);

		$this->assertSame(
			array(
				array(
					'id'                  => $ids['Bob'],
					'email_primary.email' => strtolower( 'Bob.' . $this->last . '@Example.org' ),
				),
			),
			$rows->getArrayCopy()
		);
	}

	/**
	 * LIKE on the email ignores letter case (the columns' collation), and
	 * display names and emails can be searched together in an OR group.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php createSQLClause()
	 * @see civicrm-core schema/Core/Email.entityType.php (utf8mb4_unicode_ci tables)
	 */
	public function test_like_ignores_letter_case() {
		$ids = $this->people();

		$this->assertSame( array( 'Bob' ), $this->names( array( array( 'email_primary.email', 'LIKE', 'BOB.%' ) ) ) );
		$this->assertSame(
			array( 'Ann', 'Bob' ),
			$this->names(
				array(
					array(
						'OR',
						array(
							array( 'display_name', 'LIKE', 'ann %' ),
							array( 'email_primary.email', 'LIKE', '%' . strtoupper( $this->last ) . '%' ),
						),
					),
				)
			)
		);
		$this->assertCount( 3, $ids );
	}

	/**
	 * The primary email is reached through an implicit join, which needs
	 * access to Email itself (its getActions, a 'meta' action: 'access
	 * CiviCRM'). Without it the joined field is unknown: left out of SELECT,
	 * "Invalid field" in WHERE — even for a user who may see no contact anyway.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4SelectQuery.php autoJoinFK(), checkEntityAccess(), getField()
	 */
	public function test_email_join_needs_access_civicrm() {
		$this->people();
		$where = array( array( 'email_primary.email', 'LIKE', '%@example.org' ) );

		$this->login_as( $this->user_with( array( 'view_all_contacts' ) ) );
		$this->assertThrowsExactly( 'CRM_Core_Exception', "Invalid field 'email_primary.email'", static fn() => civicrm_api4( 'Contact', 'get', array( 'where' => $where ) ) );
		$row = civicrm_api4(
			'Contact',
			'get',
			array(
				'select' => array( 'first_name', 'email_primary.email' ),
				'where'  => array( array( 'last_name', '=', $this->last ) ),
				'limit'  => 1,
			)
		)->first();
		$this->assertSame( array( 'id', 'first_name' ), array_keys( $row ) );

		$this->login_as( $this->user_with( array( 'access_civicrm', 'view_all_contacts' ) ) );
		$this->assertSame( 1, civicrm_api4( 'Contact', 'get', array( 'where' => array_merge( $where, array( array( 'last_name', '=', $this->last ) ) ) ) )->count() );
	}

	/**
	 * Get leaves trashed contacts out — even for administrators — unless the
	 * where names is_deleted or fetches by id.
	 *
	 * @see civicrm-core Civi/Api4/Generic/AbstractGetAction.php setDefaultWhereClause(), isFetchByUniqueIdentifier()
	 * @see civicrm-core Civi/Api4/Service/Spec/Provider/GetActionDefaultsProvider.php
	 */
	public function test_trashed_contacts_are_left_out_unless_asked_for() {
		$ids = $this->people();
		civicrm_api4(
			'Contact',
			'delete',
			array(
				'where'            => array( array( 'id', '=', $ids['Cy'] ) ),
				'checkPermissions' => false,
			)
		);

		$this->assertSame( array( 'Ann', 'Bob' ), $this->names( array() ) );
		$this->assertSame( array( 'Ann', 'Bob', 'Cy' ), $this->names( array( array( 'is_deleted', 'IN', array( true, false ) ) ) ) );
		$this->assertSame( array( 'Cy' ), $this->names( array( array( 'id', '=', $ids['Cy'] ) ) ) );
		$this->assertSame( array( 'Cy' ), $this->names( array( array( 'OR', array( array( 'is_deleted', '=', true ) ) ) ) ) );
		$this->login_as( self::factory_user( 'administrator' ) );
		$this->assertSame( 2, civicrm_api4( 'Contact', 'get', array( 'where' => array( array( 'last_name', '=', $this->last ) ) ) )->count() );
	}

	/**
	 * Ordering, limit and offset.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4SelectQuery.php buildOrderBy()
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php buildLimit()
	 */
	public function test_order_limit_offset() {
		$this->people();
		$result = civicrm_api4(
			'Contact',
			'get',
			array(
				'select'           => array( 'first_name' ),
				'where'            => array( array( 'last_name', '=', $this->last ) ),
				'orderBy'          => array( 'first_name' => 'DESC' ),
				'limit'            => 1,
				'offset'           => 1,
				'checkPermissions' => false,
			)
		);

		$this->assertSame( array( 'Bob' ), $result->column( 'first_name' ) );
	}

	/**
	 * Directions must be exactly ASC or DESC.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4SelectQuery.php buildOrderBy()
	 */
	public function test_lower_case_sort_direction_is_refused() {
		$this->assertThrowsExactly(
			'CRM_Core_Exception',
			'Invalid sort direction. Cannot order by id asc',
			static fn() => civicrm_api4( 'Contact', 'get', array( 'orderBy' => array( 'id' => 'asc' ) ) )
		);
	}

	/**
	 * Unknown fields: quietly dropped from SELECT, an error in WHERE and ORDER BY.
	 *
	 * @see civicrm-core Civi/Api4/Query/Api4Query.php addExprToSelectClause()
	 * @see civicrm-core Civi/Api4/Query/Api4SelectQuery.php getField()
	 */
	public function test_unknown_fields() {
		$ids = $this->people();

		$row = civicrm_api4(
			'Contact',
			'get',
			array(
				'select'           => array( 'first_name', 'no_such_field' ),
				'where'            => array( array( 'id', '=', $ids['Ann'] ) ),
				'checkPermissions' => false,
			)
		)->first();
		$this->assertSame( array( 'id', 'first_name' ), array_keys( $row ) );

		$this->assertThrowsExactly( 'CRM_Core_Exception', "Invalid field 'no_such_field'", static fn() => civicrm_api4( 'Contact', 'get', array( 'where' => array( array( 'no_such_field', '=', 1 ) ) ) ) );
		$this->assertThrowsExactly( 'CRM_Core_Exception', "Invalid field 'no_such_field'", static fn() => civicrm_api4( 'Contact', 'get', array( 'orderBy' => array( 'no_such_field' => 'ASC' ) ) ) );
		$this->assertThrowsExactly( 'CRM_Core_Exception', 'Illegal operator', static fn() => civicrm_api4( 'Contact', 'get', array( 'where' => array( array( 'id', '==', 1 ) ) ) ) );
	}

	/**
	 * Unknown entity, action and parameter.
	 *
	 * @see civicrm-core Civi/API/Request.php create() (unknown entity)
	 * @see civicrm-core Civi/Api4/Generic/AbstractEntity.php __callStatic() (unknown action)
	 * @see civicrm-core Civi/Api4/Generic/AbstractAction.php set()
	 */
	public function test_unknown_entity_action_and_parameter() {
		$error = $this->assertThrowsExactly(
			'Civi\\API\\Exception\\NotImplementedException',
			'API (Contacts, get) does not exist (or the extension it belongs to is not enabled).',
			static fn() => civicrm_api4( 'Contacts', 'get' )
		);
		$this->assertSame( 'not-found', $error->getErrorCode() );
		$error = $this->assertThrowsExactly( 'Civi\\API\\Exception\\NotImplementedException', 'Api Contact fetch version 4 does not exist.', static fn() => civicrm_api4( 'Contact', 'fetch' ) );
		$this->assertSame( 'not-found', $error->getErrorCode() );
		$this->assertThrowsExactly( 'CRM_Core_Exception', 'Unknown api parameter: filter', static fn() => civicrm_api4( 'Contact', 'get', array( 'filter' => array() ) ) );
		$this->assertThrowsExactly( 'CRM_Core_Exception', 'Parameter "where" is not of the correct type. Expecting array.', static fn() => civicrm_api4( 'Contact', 'get', array( 'where' => 'id = 1' ) ) );
	}

	/**
	 * Without 'access deleted contacts', trashed contacts are invisible.
	 * (WordPress administrators have every permission, so they see them.)
	 *
	 * @see civicrm-core CRM/Contact/BAO/Contact.php addSelectWhereClause() ('is_deleted' => '!= 1')
	 */
	public function test_trashed_contacts_need_access_deleted_contacts() {
		$id = $this->civicrm_contact( array( 'is_deleted' => true ) );

		$this->login_as( $this->user_with( array( 'access_civicrm', 'view_all_contacts' ) ) );
		$this->assertSame( 0, civicrm_api4( 'Contact', 'get', array( 'where' => array( array( 'id', '=', $id ) ) ) )->count() );

		$this->login_as( $this->user_with( array( 'access_civicrm', 'view_all_contacts', 'access_deleted_contacts' ) ) );
		$this->assertSame( 1, civicrm_api4( 'Contact', 'get', array( 'where' => array( array( 'id', '=', $id ) ) ) )->count() );

		$this->login_as( self::factory_user( 'administrator' ) );
		$this->assertSame( 1, civicrm_api4( 'Contact', 'get', array( 'where' => array( array( 'id', '=', $id ) ) ) )->count() );
	}

	/**
	 * Without 'view all contacts' (or 'edit all contacts') a user sees only
	 * their own contact, and that only with 'view my contact'. Contact.get
	 * itself needs no permission.
	 *
	 * @see civicrm-core CRM/Contact/BAO/Contact/Permission.php cacheSubquery(), cache()
	 * @see civicrm-core CRM/Core/Permission.php getEntityActionPermissions() ('get' => [] "managed by query object")
	 */
	public function test_without_view_all_contacts_only_the_own_contact_is_visible() {
		$other = $this->civicrm_contact();
		$mine  = $this->civicrm_contact();
		$user  = $this->user_with( array( 'view_my_contact' ) );
		$this->link_contact_to_user( $mine, $user );
		$this->login_as( $user );

		$ids = civicrm_api4( 'Contact', 'get', array( 'where' => array( array( 'id', 'IN', array( $other, $mine ) ) ) ) )->column( 'id' );

		$this->assertSame( array( $mine ), $ids );
	}

	/**
	 * An anonymous visitor sees no contacts (no view permissions).
	 *
	 * @see civicrm-core CRM/Contact/BAO/Contact/Permission.php cacheSubquery()
	 */
	public function test_anonymous_sees_nothing_but_gets_no_error() {
		$id = $this->civicrm_contact();
		$this->login_as( 0 );

		$result = civicrm_api4( 'Contact', 'get', array( 'where' => array( array( 'id', '=', $id ) ) ) );

		$this->assertSame( 0, $result->count() );
	}
}
