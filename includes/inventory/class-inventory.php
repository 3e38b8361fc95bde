<?php
/**
 * Every key on the site.
 *
 * @package CiviKey
 */

namespace CiviKey\Inventory;

use CiviKey\Audit\Audit_Log;
use CiviKey\CiviCRM\Contact_Directory;
use CiviKey\CiviCRM\Gateway;
use CiviKey\Keys\Key_Policy;
use CiviKey\Usage\Key_Usage;
use WP_Error;

/**
 * Lists the contacts holding a key, with the problems of each, in a fixed
 * number of CiviCRM calls per page whatever its size: the keyed contacts, one
 * batched UFMatch lookup, and one grouped query for keys held twice.
 */
class Inventory {

	public const PROBLEM_SHORT         = 'short';
	public const PROBLEM_CHARACTERS    = 'characters';
	public const PROBLEM_DUPLICATE     = 'duplicate';
	public const PROBLEM_NO_USER       = 'no_user';
	public const PROBLEM_ADMINISTRATOR = 'administrator';
	public const PROBLEM_DELETED       = 'deleted_contact';
	public const PROBLEM_MISSING_USER  = 'missing_user';
	public const PROBLEM_STALE         = 'stale';

	/**
	 * CiviCRM gateway.
	 *
	 * @var Gateway
	 */
	private $gateway;

	/**
	 * Contact directory, for the batched lookup of linked users.
	 *
	 * @var Contact_Directory
	 */
	private $contacts;

	/**
	 * Key usage record.
	 *
	 * @var Key_Usage|null
	 */
	private $usage;

	/**
	 * Audit trail, for when keys were last changed.
	 *
	 * @var Audit_Log|null
	 */
	private $audit;

	/**
	 * Constructor.
	 *
	 * @param Gateway        $gateway CiviCRM gateway.
	 * @param Key_Usage|null $usage   Key usage record.
	 * @param Audit_Log|null $audit   Audit trail.
	 */
	public function __construct( Gateway $gateway, ?Key_Usage $usage = null, ?Audit_Log $audit = null ) {
		$this->gateway  = $gateway;
		$this->usage    = $usage ?? new Key_Usage();
		$this->audit    = $audit ?? new Audit_Log();
		$this->contacts = new Contact_Directory( $gateway, $this->usage );
	}

	/**
	 * The problems, with a sentence each.
	 *
	 * @return array<string, string>
	 */
	public static function problem_labels(): array {
		return array(
			self::PROBLEM_SHORT         => __( 'Shorter than 20 characters', 'civikey' ),
			self::PROBLEM_CHARACTERS    => __( 'Characters other than letters and digits', 'civikey' ),
			self::PROBLEM_DUPLICATE     => __( 'Same key on several contacts', 'civikey' ),
			self::PROBLEM_NO_USER       => __( 'No linked WordPress user (runs as anonymous)', 'civikey' ),
			self::PROBLEM_ADMINISTRATOR => __( 'Linked user is an administrator', 'civikey' ),
			self::PROBLEM_DELETED       => __( 'Contact is in the trash but holds a key', 'civikey' ),
			self::PROBLEM_MISSING_USER  => __( 'Linked WordPress user no longer exists', 'civikey' ),
			self::PROBLEM_STALE         => sprintf(
				/* translators: %d: number of days. */
				__( 'Not used for %d days', 'civikey' ),
				Key_Usage::stale_days()
			),
		);
	}

	/**
	 * A page of keyed contacts.
	 *
	 * Whatever the page size: ordered by contact ID or name, one CiviCRM call
	 * for the page; by last used or last changed, one query on our table for
	 * the order, one CiviCRM call for the IDs of every keyed contact and one
	 * for the page's contacts. Then one grouped call for keys held twice, one
	 * batched UFMatch lookup, and one query each for users, uses and changes.
	 *
	 * @param int    $page     1-based page.
	 * @param int    $per_page Page size.
	 * @param string $orderby  One of Inventory_Sort::fields().
	 * @param string $order    asc or desc.
	 * @return array{items: array<int, array<string, mixed>>, total: int}|WP_Error
	 */
	public function page( int $page, int $per_page, string $orderby = Inventory_Sort::BY_ID, string $order = Inventory_Sort::ASC ) {
		$offset = ( $page - 1 ) * $per_page;
		if ( Inventory_Sort::is_ranked( $orderby ) ) {
			$ids = $this->ranked_keyed_ids( $orderby, $order );
			if ( is_wp_error( $ids ) ) {
				return $ids;
			}
			$total = count( $ids );
			$rows  = $this->rows_by_id( array_slice( $ids, $offset, $per_page ) );
		} else {
			$found = $this->rows_in_civicrm_order( $orderby, $order, $per_page, $offset );
			if ( is_wp_error( $found ) ) {
				return $found;
			}
			$total = $found['total'];
			$rows  = $found['rows'];
		}
		if ( is_wp_error( $rows ) ) {
			return $rows;
		}
		$duplicates = $this->duplicate_keys();
		if ( is_wp_error( $duplicates ) ) {
			return $duplicates;
		}
		$items = $this->items( $rows, $duplicates );
		if ( is_wp_error( $items ) ) {
			return $items;
		}
		return array(
			'items' => $items,
			'total' => $total,
		);
	}

	/**
	 * Every keyed contact, page by page, in the order asked for. Keys held
	 * twice and the order itself are looked up once for the whole walk.
	 *
	 * @param int    $per_page Page size.
	 * @param string $orderby  One of Inventory_Sort::fields().
	 * @param string $order    asc or desc.
	 * @return \Generator<int, array<string, mixed>|WP_Error>
	 */
	public function all( int $per_page = 500, string $orderby = Inventory_Sort::BY_ID, string $order = Inventory_Sort::ASC ): \Generator {
		$duplicates = $this->duplicate_keys();
		if ( is_wp_error( $duplicates ) ) {
			yield $duplicates;
			return;
		}
		$ranked = null;
		if ( Inventory_Sort::is_ranked( $orderby ) ) {
			$ranked = $this->ranked_keyed_ids( $orderby, $order );
			if ( is_wp_error( $ranked ) ) {
				yield $ranked;
				return;
			}
		}
		for ( $offset = 0; ; $offset += $per_page ) {
			if ( null !== $ranked ) {
				$total = count( $ranked );
				$rows  = $this->rows_by_id( array_slice( $ranked, $offset, $per_page ) );
			} else {
				$found = $this->rows_in_civicrm_order( $orderby, $order, $per_page, $offset );
				$total = is_wp_error( $found ) ? 0 : $found['total'];
				$rows  = is_wp_error( $found ) ? $found : $found['rows'];
			}
			$items = is_wp_error( $rows ) ? $rows : $this->items( $rows, $duplicates );
			if ( is_wp_error( $items ) ) {
				yield $items;
				return;
			}
			foreach ( $items as $item ) {
				yield $item;
			}
			if ( $offset + $per_page >= $total ) {
				return;
			}
		}
	}

	/**
	 * How many keyed contacts have each problem, from one walk through them.
	 *
	 * @return array{total: int, with_problems: int, problems: array<string, int>}|WP_Error
	 *         Every known problem is listed, with 0 when no key has it.
	 */
	public function problem_counts() {
		$counts = array(
			'total'         => 0,
			'with_problems' => 0,
			'problems'      => array_fill_keys( array_keys( self::problem_labels() ), 0 ),
		);
		foreach ( $this->all( 1000 ) as $item ) {
			if ( $item instanceof WP_Error ) {
				return $item;
			}
			++$counts['total'];
			if ( $item['problems'] ) {
				++$counts['with_problems'];
			}
			foreach ( $item['problems'] as $problem ) {
				$counts['problems'][ $problem ] = ( $counts['problems'][ $problem ] ?? 0 ) + 1;
			}
		}
		return $counts;
	}

	/**
	 * The where clause of every inventory query.
	 *
	 * @return array<int, array<int, mixed>>
	 */
	private static function keyed_contacts(): array {
		return array(
			array( 'api_key', 'IS NOT EMPTY' ),
			// Keys on trashed contacts still match in AuthX's lookup.
			array( 'is_deleted', 'IN', array( true, false ) ),
		);
	}

	/**
	 * Contact fields an inventory row is made from.
	 *
	 * @return array<int, string>
	 */
	private static function row_fields(): array {
		return array( 'id', 'display_name', 'contact_type', 'is_deleted', 'api_key' );
	}

	/**
	 * A page of keyed contacts in an order CiviCRM sorts, in one call.
	 *
	 * @param string $orderby Inventory_Sort::BY_ID or BY_NAME.
	 * @param string $order   asc or desc.
	 * @param int    $limit   Page size.
	 * @param int    $offset  Rows to skip.
	 * @return array{rows: array<int, array<string, mixed>>, total: int}|WP_Error
	 */
	private function rows_in_civicrm_order( string $orderby, string $order, int $limit, int $offset ) {
		$result = $this->gateway->call_for_result(
			'Contact',
			'get',
			array(
				'select'  => array_merge( self::row_fields(), array( 'row_count' ) ),
				'where'   => self::keyed_contacts(),
				'orderBy' => Inventory_Sort::civicrm_order_by( $orderby, $order ),
				'limit'   => $limit,
				'offset'  => $offset,
			)
		);
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		return array(
			'rows'  => array_values( $result->getArrayCopy() ),
			'total' => (int) $result->countMatched(),
		);
	}

	/**
	 * Keyed contacts by ID, in the order given, in one call. A contact that
	 * lost its key since the IDs were read is left out.
	 *
	 * @param array<int, int> $ids Contact IDs.
	 * @return array<int, array<string, mixed>>|WP_Error
	 */
	private function rows_by_id( array $ids ) {
		if ( ! $ids ) {
			return array();
		}
		$found = $this->gateway->call(
			'Contact',
			'get',
			array(
				'select' => self::row_fields(),
				'where'  => array_merge( self::keyed_contacts(), array( array( 'id', 'IN', $ids ) ) ),
			)
		);
		if ( is_wp_error( $found ) ) {
			return $found;
		}
		$by_id = array();
		foreach ( $found as $row ) {
			$by_id[ (int) $row['id'] ] = $row;
		}
		$rows = array();
		foreach ( $ids as $id ) {
			if ( isset( $by_id[ $id ] ) ) {
				$rows[] = $by_id[ $id ];
			}
		}
		return $rows;
	}

	/**
	 * Every keyed contact's ID in an order CiviKey's tables hold: one query
	 * on our table, one CiviCRM call for the IDs (a few bytes per key).
	 *
	 * @param string $orderby Inventory_Sort::BY_LAST_USED or BY_LAST_CHANGED.
	 * @param string $order   asc or desc.
	 * @return array<int, int>|WP_Error
	 */
	private function ranked_keyed_ids( string $orderby, string $order ) {
		$keyed = $this->gateway->call(
			'Contact',
			'get',
			array(
				'select'  => array( 'id' ),
				'where'   => self::keyed_contacts(),
				'orderBy' => array( 'id' => 'ASC' ),
			)
		);
		if ( is_wp_error( $keyed ) ) {
			return $keyed;
		}
		$ids = array();
		foreach ( $keyed as $row ) {
			$ids[] = (int) $row['id'];
		}
		return Inventory_Sort::merge( Inventory_Sort::ranked_contact_ids( $orderby, $order ), $ids, $order );
	}

	/**
	 * Inventory rows for contact rows, with their linked users, uses and
	 * changes looked up in one batch each.
	 *
	 * @param array<int, array<string, mixed>> $rows       Contact rows.
	 * @param array<string, true>              $duplicates Lower-cased keys held more than once.
	 * @return array<int, array<string, mixed>>|WP_Error
	 */
	private function items( array $rows, array $duplicates ) {
		if ( ! $rows ) {
			return array();
		}
		if ( ! array_key_exists( 'api_key', $rows[0] ) ) {
			return \CiviKey\CiviCRM\Error_Translator::api_key_forbidden();
		}
		$ids   = array_map( 'intval', array_column( $rows, 'id' ) );
		$links = $this->contacts->linked_user_ids( $ids );
		if ( is_wp_error( $links ) ) {
			return $links;
		}
		$users = array();
		if ( $links ) {
			$found = get_users(
				array(
					'include'     => array_values( $links ),
					'count_total' => false,
				)
			);
			foreach ( $found as $user ) {
				$users[ $user->ID ] = $user;
			}
		}
		$context = array(
			'links'      => $links,
			'users'      => $users,
			'duplicates' => $duplicates,
			'used'       => $this->usage ? $this->usage->for_contacts( $ids ) : array(),
			'changed'    => $this->audit ? $this->audit->last_changed( $ids ) : array(),
			'stale_from' => gmdate( 'Y-m-d H:i:s', time() - DAY_IN_SECONDS * Key_Usage::stale_days() ),
		);
		$items   = array();
		foreach ( $rows as $row ) {
			$items[] = $this->item( $row, $context );
		}
		return $items;
	}

	/**
	 * One inventory row; the key itself stays here.
	 *
	 * @param array<string, mixed> $row     Contact row.
	 * @param array<string, mixed> $context Links (user ID by contact ID), users (by ID), duplicates
	 *                                      (lower-cased keys held more than once), used and changed
	 *                                      (by contact ID) and stale_from (UTC date-time).
	 * @return array<string, mixed>
	 */
	private function item( array $row, array $context ): array {
		$links      = $context['links'];
		$users      = $context['users'];
		$duplicates = $context['duplicates'];
		$contact_id = (int) $row['id'];
		$key        = (string) $row['api_key'];
		$user_id    = $links[ $contact_id ] ?? null;
		$user       = null === $user_id ? null : ( $users[ $user_id ] ?? null );
		$problems   = array();
		if ( strlen( $key ) < Key_Policy::MIN_LENGTH ) {
			$problems[] = self::PROBLEM_SHORT;
		}
		if ( preg_match( '/[^A-Za-z0-9]/', $key ) ) {
			$problems[] = self::PROBLEM_CHARACTERS;
		}
		// AuthX's lookup ignores letter case (utf8mb4_unicode_ci), so do we.
		if ( isset( $duplicates[ strtolower( $key ) ] ) ) {
			$problems[] = self::PROBLEM_DUPLICATE;
		}
		if ( null === $user_id ) {
			$problems[] = self::PROBLEM_NO_USER;
		} elseif ( null === $user ) {
			$problems[] = self::PROBLEM_MISSING_USER;
		} elseif ( in_array( 'administrator', $user->roles, true ) || ( is_multisite() && is_super_admin( $user->ID ) ) ) {
			$problems[] = self::PROBLEM_ADMINISTRATOR;
		}
		if ( ! empty( $row['is_deleted'] ) ) {
			$problems[] = self::PROBLEM_DELETED;
		}
		$used    = $context['used'][ $contact_id ] ?? null;
		$changed = $context['changed'][ $contact_id ] ?? null;
		// Stale: not used since the cut-off; a key never used counts from when
		// CiviKey set it (keys set elsewhere and never used have no date to go by).
		$since = null !== $used ? $used['at'] : $changed;
		if ( null !== $since && $since < $context['stale_from'] ) {
			$problems[] = self::PROBLEM_STALE;
		}
		return array(
			'id'           => $contact_id,
			'display_name' => (string) ( $row['display_name'] ?? '' ),
			'contact_type' => (string) ( $row['contact_type'] ?? '' ),
			'is_deleted'   => ! empty( $row['is_deleted'] ),
			'key'          => array(
				'length'      => strlen( $key ),
				'fingerprint' => Key_Policy::fingerprint( $key ),
			),
			'user'         => null === $user_id ? null : array(
				'id'     => $user_id,
				'exists' => null !== $user,
				'login'  => $user ? $user->user_login : null,
				'roles'  => $user ? array_values( $user->roles ) : array(),
			),
			'last_used'    => $used,
			'last_changed' => $changed,
			'problems'     => $problems,
		);
	}

	/**
	 * Keys held by more than one contact, in one grouped query.
	 *
	 * @return array<string, true>|WP_Error Lower-cased keys.
	 */
	private function duplicate_keys() {
		$groups = $this->gateway->call(
			'Contact',
			'get',
			array(
				'select'  => array( 'api_key', 'COUNT(id) AS holders' ),
				'where'   => array(
					array( 'api_key', 'IS NOT EMPTY' ),
					array( 'is_deleted', 'IN', array( true, false ) ),
				),
				'groupBy' => array( 'api_key' ),
				'having'  => array( array( 'holders', '>', 1 ) ),
			)
		);
		if ( is_wp_error( $groups ) ) {
			return $groups;
		}
		$keys = array();
		foreach ( $groups as $group ) {
			$keys[ strtolower( (string) $group['api_key'] ) ] = true;
		}
		return $keys;
	}
}
