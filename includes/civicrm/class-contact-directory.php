<?php
/**
 * Contacts and their keys, as CiviKey needs them.
 *
 * @package CiviKey
 */

namespace CiviKey\CiviCRM;

use CiviKey\Keys\Key_Policy;
use CiviKey\Usage\Key_Usage;
use WP_Error;

/**
 * The CiviCRM queries behind the contact search, the contact card and key
 * changes. Each public method makes a fixed number of API calls, whatever
 * the number of rows: one for the contacts, one for their linked users (and
 * for a search, one cheap access check first).
 */
class Contact_Directory {

	/**
	 * Fields read for a contact card.
	 */
	private const CONTACT_FIELDS = array( 'id', 'display_name', 'contact_type', 'email_primary.email', 'is_deleted', 'api_key' );

	/**
	 * CiviCRM gateway.
	 *
	 * @var Gateway
	 */
	private $gateway;

	/**
	 * When keys were last used (CiviKey's own table, not CiviCRM's).
	 *
	 * @var Key_Usage
	 */
	private $usage;

	/**
	 * Constructor.
	 *
	 * @param Gateway        $gateway CiviCRM gateway.
	 * @param Key_Usage|null $usage   Key usage record.
	 */
	public function __construct( Gateway $gateway, ?Key_Usage $usage = null ) {
		$this->gateway = $gateway;
		$this->usage   = $usage ?? new Key_Usage();
	}

	/**
	 * CiviCRM's own verdict on whether the current user may read and write
	 * api_key: with permission checks on, getFields leaves out fields the user
	 * may not access (Civi/Api4/Generic/BasicGetFieldsAction.php).
	 *
	 * @return bool|WP_Error
	 */
	public function current_user_may_edit_keys() {
		return $this->field_visible( 'api_key' );
	}

	/**
	 * A 403 with the fix when CiviCRM does not let the current user in at all
	 * ("access CiviCRM", which getFields needs).
	 *
	 * @return true|WP_Error
	 */
	private function require_civicrm_access() {
		$visible = $this->field_visible( 'id' );
		return is_wp_error( $visible ) ? $visible : true;
	}

	/**
	 * Whether Contact.getFields, with permission checks on, shows the current
	 * user a field; an error when CiviCRM refuses getFields itself.
	 *
	 * @param string $field Field name.
	 * @return bool|WP_Error
	 */
	private function field_visible( string $field ) {
		$fields = $this->gateway->call(
			'Contact',
			'getFields',
			array(
				'select' => array( 'name' ),
				'where'  => array( array( 'name', '=', $field ) ),
			)
		);
		return is_wp_error( $fields ) ? $fields : count( $fields ) > 0;
	}

	/**
	 * Contacts whose name or email contains the search, or whose ID it is.
	 *
	 * @param string $search   Text typed by the admin; empty lists every contact.
	 * @param int    $page     1-based page.
	 * @param int    $per_page Page size.
	 * @return array{items: array<int, array<string, mixed>>, total: int}|WP_Error
	 */
	public function search( string $search, int $page, int $per_page ) {
		// Searching by email joins the Email entity, which CiviCRM only allows
		// to users with "access CiviCRM"; without it the query fails with
		// "Invalid field" rather than a permission error
		// (Civi/Api4/Query/Api4SelectQuery.php checkEntityAccess()). Asking
		// first turns that into a refusal the admin can act on.
		$access = $this->require_civicrm_access();
		if ( is_wp_error( $access ) ) {
			return $access;
		}
		$where  = array( array( 'is_deleted', '=', false ) );
		$search = trim( $search );
		if ( '' !== $search ) {
			$like    = '%' . $search . '%';
			$matches = array(
				array( 'display_name', 'LIKE', $like ),
				array( 'email_primary.email', 'LIKE', $like ),
			);
			if ( ctype_digit( $search ) ) {
				$matches[] = array( 'id', '=', (int) $search );
			}
			$where[] = array( 'OR', $matches );
		}
		$result = $this->gateway->call_for_result(
			'Contact',
			'get',
			array(
				// row_count makes CiviCRM count all matches in the same call.
				'select'  => array_merge( self::CONTACT_FIELDS, array( 'row_count' ) ),
				'where'   => $where,
				'orderBy' => array(
					'sort_name' => 'ASC',
					'id'        => 'ASC',
				),
				'limit'   => $per_page,
				'offset'  => ( $page - 1 ) * $per_page,
			)
		);
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$rows = array_values( $result->getArrayCopy() );
		return array(
			'items' => $this->with_linked_users( $rows ),
			'total' => (int) $result->countMatched(),
		);
	}

	/**
	 * One contact, or a 404.
	 *
	 * @param int $contact_id Contact ID.
	 * @return array<string, mixed>|WP_Error
	 */
	public function get( int $contact_id ) {
		$result = $this->gateway->call_for_result(
			'Contact',
			'get',
			array(
				'select' => self::CONTACT_FIELDS,
				'where'  => array( array( 'id', '=', $contact_id ) ),
				'limit'  => 1,
			)
		);
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$rows = array_values( $result->getArrayCopy() );
		if ( ! $rows ) {
			return self::not_found( $contact_id );
		}
		return $this->with_linked_users( $rows )[0];
	}

	/**
	 * Creates a contact dedicated to one service.
	 *
	 * @param string $contact_type Individual or Organization.
	 * @param string $name         The service's name.
	 * @return array<string, mixed>|WP_Error The new contact.
	 */
	public function create_service_contact( string $contact_type, string $name ) {
		$values = array(
			'contact_type' => $contact_type,
			'source'       => 'CiviKey',
		);
		if ( 'Organization' === $contact_type ) {
			$values['organization_name'] = $name;
		} else {
			// An Individual needs a name; a service is best described by its
			// name as the last name and "Service" as the first, e.g. "Service Zapier".
			$values['first_name'] = __( 'Service', 'civikey' );
			$values['last_name']  = $name;
		}
		$created = $this->gateway->call( 'Contact', 'create', array( 'values' => $values ) );
		if ( is_wp_error( $created ) ) {
			return $created;
		}
		return $this->get( (int) $created[0]['id'] );
	}

	/**
	 * Live contacts with exactly this display name, so a setup can warn
	 * before making a second "Zapier".
	 *
	 * @param string $name  Display name.
	 * @param int    $limit How many to return at most.
	 * @return array<int, array{id: int, display_name: string}>|WP_Error
	 */
	public function named( string $name, int $limit ) {
		$rows = $this->gateway->call(
			'Contact',
			'get',
			array(
				'select'  => array( 'id', 'display_name' ),
				'where'   => array(
					array( 'display_name', '=', $name ),
					array( 'is_deleted', '=', false ),
				),
				'orderBy' => array( 'id' => 'ASC' ),
				'limit'   => $limit,
			)
		);
		if ( is_wp_error( $rows ) ) {
			return $rows;
		}
		return array_map(
			static function ( array $row ): array {
				return array(
					'id'           => (int) $row['id'],
					'display_name' => (string) $row['display_name'],
				);
			},
			array_values( $rows )
		);
	}

	/**
	 * Deletes a contact for good, skipping the trash: only for undoing a
	 * contact CiviKey made moments ago in a setup that did not finish.
	 *
	 * @param int $contact_id Contact ID.
	 * @return true|WP_Error
	 */
	public function delete_permanently( int $contact_id ) {
		$deleted = $this->gateway->call(
			'Contact',
			'delete',
			array(
				'where'    => array( array( 'id', '=', $contact_id ) ),
				'useTrash' => false,
			)
		);
		if ( is_wp_error( $deleted ) ) {
			return $deleted;
		}
		return $deleted ? true : self::not_found( $contact_id );
	}

	/**
	 * Stores a key on a contact, or removes it (null).
	 *
	 * @param int         $contact_id Contact ID.
	 * @param string|null $key        New key, or null to revoke.
	 * @return true|WP_Error
	 */
	public function write_key( int $contact_id, ?string $key ) {
		$updated = $this->gateway->call(
			'Contact',
			'update',
			array(
				'where'  => array( array( 'id', '=', $contact_id ) ),
				'values' => array( 'api_key' => $key ),
			)
		);
		if ( is_wp_error( $updated ) ) {
			return $updated;
		}
		return $updated ? true : self::not_found( $contact_id );
	}

	/**
	 * The stored key of a contact, for the key service only: it never leaves
	 * the server.
	 *
	 * @param int $contact_id Contact ID.
	 * @return string|null|WP_Error Null when the contact has no key.
	 */
	public function stored_key( int $contact_id ) {
		$result = $this->gateway->call_for_result(
			'Contact',
			'get',
			array(
				'select' => array( 'id', 'api_key' ),
				'where'  => array( array( 'id', '=', $contact_id ) ),
				'limit'  => 1,
			)
		);
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$rows = array_values( $result->getArrayCopy() );
		if ( ! $rows ) {
			return self::not_found( $contact_id );
		}
		if ( self::key_withheld( $rows[0] ) ) {
			return Error_Translator::api_key_forbidden();
		}
		$key = $rows[0]['api_key'] ?? null;
		return is_string( $key ) && '' !== $key ? $key : null;
	}

	/**
	 * How many contacts other than one hold a key.
	 *
	 * @param string $key        Key.
	 * @param int    $contact_id Contact to leave out.
	 * @return int|WP_Error
	 */
	public function count_other_holders( string $key, int $contact_id ) {
		$result = $this->gateway->call_for_result(
			'Contact',
			'get',
			array(
				'select' => array( 'row_count' ),
				'where'  => array(
					array( 'api_key', '=', $key ),
					array( 'id', '!=', $contact_id ),
					// AuthX looks a key up among all contacts, trashed ones
					// included, and takes the first match
					// (ext/authx/Civi/Authx/CheckCredential.php): a copy on a
					// trashed contact can make the live one fail.
					array( 'is_deleted', 'IN', array( true, false ) ),
				),
			)
		);
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		return (int) $result->rowCount; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- CiviCRM's property.
	}

	/**
	 * Links a contact to a WordPress user through UFMatch, replacing the
	 * user's and the contact's current links (one user per contact and one
	 * contact per user in a domain).
	 *
	 * @param int    $contact_id Contact ID.
	 * @param int    $user_id    WordPress user ID.
	 * @param string $uf_name    The user's email, which CiviCRM keeps beside the link.
	 * @param bool   $replace    Remove existing links first.
	 * @return true|WP_Error
	 */
	public function link_user( int $contact_id, int $user_id, string $uf_name, bool $replace ) {
		if ( $replace ) {
			$removed = $this->gateway->call(
				'UFMatch',
				'delete',
				array(
					'where' => array(
						array(
							'OR',
							array(
								array( 'uf_id', '=', $user_id ),
								array( 'contact_id', '=', $contact_id ),
							),
						),
					),
				)
			);
			if ( is_wp_error( $removed ) ) {
				return $removed;
			}
		}
		$created = $this->gateway->call(
			'UFMatch',
			'create',
			array(
				'values' => array(
					'contact_id' => $contact_id,
					'uf_id'      => $user_id,
					'uf_name'    => $uf_name,
				),
			)
		);
		return is_wp_error( $created ) ? $created : true;
	}

	/**
	 * The contact a WordPress user is linked to.
	 *
	 * @param int $user_id User ID.
	 * @return int|null|WP_Error Null when the user has no contact.
	 */
	public function contact_id_for_user( int $user_id ) {
		if ( $user_id <= 0 ) {
			return null;
		}
		$matches = $this->gateway->call(
			'UFMatch',
			'get',
			array(
				'select' => array( 'contact_id' ),
				'where'  => array( array( 'uf_id', '=', $user_id ) ),
				'limit'  => 1,
			)
		);
		if ( is_wp_error( $matches ) ) {
			return $matches;
		}
		return $matches ? (int) $matches[0]['contact_id'] : null;
	}

	/**
	 * Shapes contact rows for the REST API, with their linked WordPress users
	 * found in one batched UFMatch call and one user query, and when their
	 * keys were last used (one query on CiviKey's own table).
	 *
	 * @param array<int, array<string, mixed>> $rows Contact rows.
	 * @return array<int, array<string, mixed>>
	 */
	private function with_linked_users( array $rows ): array {
		$links = $this->linked_user_ids( array_map( 'intval', array_column( $rows, 'id' ) ) );
		if ( is_wp_error( $links ) ) {
			// Without UFMatch access the card still shows the contact; the
			// user column then reads as unknown rather than failing the page.
			$links = array();
		}
		$users = array();
		if ( $links ) {
			foreach ( get_users(
				array(
					'include' => array_values( $links ),
					'fields'  => 'all',
				)
			) as $user ) {
				$users[ $user->ID ] = $user;
			}
		}
		$used     = $this->usage->for_contacts( array_map( 'intval', array_column( $rows, 'id' ) ) );
		$contacts = array();
		foreach ( $rows as $row ) {
			$key_hidden = self::key_withheld( $row );
			$contact_id = (int) $row['id'];
			$key        = isset( $row['api_key'] ) && is_string( $row['api_key'] ) && '' !== $row['api_key'] ? $row['api_key'] : null;
			$user_id    = $links[ $contact_id ] ?? null;
			$user       = null === $user_id ? null : ( $users[ $user_id ] ?? null );
			$contacts[] = array(
				'id'           => $contact_id,
				'display_name' => (string) ( $row['display_name'] ?? '' ),
				'contact_type' => (string) ( $row['contact_type'] ?? '' ),
				'email'        => isset( $row['email_primary.email'] ) ? (string) $row['email_primary.email'] : null,
				'is_deleted'   => ! empty( $row['is_deleted'] ),
				'key'          => array(
					'status'      => $key_hidden ? 'hidden' : ( null === $key ? 'none' : 'set' ),
					'fingerprint' => $key_hidden ? null : Key_Policy::fingerprint( $key ),
					'last_used'   => $used[ $contact_id ] ?? null,
				),
				'linked_user'  => null === $user_id ? null : array(
					'id'           => $user_id,
					'exists'       => null !== $user,
					'login'        => $user ? $user->user_login : null,
					'display_name' => $user ? $user->display_name : null,
					'roles'        => $user ? array_values( $user->roles ) : array(),
				),
			);
		}
		return $contacts;
	}

	/**
	 * WordPress user IDs linked to contacts, in one UFMatch call.
	 *
	 * @param array<int, int> $contact_ids Contact IDs.
	 * @return array<int, int>|WP_Error User ID by contact ID.
	 */
	public function linked_user_ids( array $contact_ids ) {
		if ( ! $contact_ids ) {
			return array();
		}
		$matches = $this->gateway->call(
			'UFMatch',
			'get',
			array(
				'select' => array( 'contact_id', 'uf_id' ),
				'where'  => array( array( 'contact_id', 'IN', $contact_ids ) ),
			)
		);
		if ( is_wp_error( $matches ) ) {
			return $matches;
		}
		$links = array();
		foreach ( $matches as $match ) {
			$links[ (int) $match['contact_id'] ] = (int) $match['uf_id'];
		}
		return $links;
	}

	/**
	 * Whether CiviCRM left api_key out of a row it was asked for.
	 *
	 * With permission, a selected field is always present (null when empty);
	 * without it CiviCRM drops the field silently, and reports it only in
	 * debug output that needs yet another permission (Civi/Api4/Query/
	 * Api4SelectQuery.php, Civi/Api4/Generic/AbstractAction.php).
	 *
	 * @param array<string, mixed> $row Contact row fetched with api_key selected.
	 * @return bool
	 */
	private static function key_withheld( array $row ): bool {
		return ! array_key_exists( 'api_key', $row );
	}

	/**
	 * A 404 for a contact.
	 *
	 * @param int $contact_id Contact ID.
	 * @return WP_Error
	 */
	private static function not_found( int $contact_id ): WP_Error {
		return new WP_Error(
			'civikey_contact_not_found',
			sprintf(
				/* translators: %d: CiviCRM contact ID. */
				__( 'There is no CiviCRM contact with ID %d. Search for the contact again; it may have been deleted.', 'civikey' ),
				$contact_id
			),
			array( 'status' => 404 )
		);
	}
}
