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
	 * @param int $page     1-based page.
	 * @param int $per_page Page size.
	 * @return array{items: array<int, array<string, mixed>>, total: int}|WP_Error
	 */
	public function page( int $page, int $per_page ) {
		$result = $this->gateway->call_for_result(
			'Contact',
			'get',
			array(
				'select'  => array( 'id', 'display_name', 'contact_type', 'is_deleted', 'api_key', 'row_count' ),
				'where'   => array(
					array( 'api_key', 'IS NOT EMPTY' ),
					// Keys on trashed contacts still match in AuthX's lookup.
					array( 'is_deleted', 'IN', array( true, false ) ),
				),
				'orderBy' => array( 'id' => 'ASC' ),
				'limit'   => $per_page,
				'offset'  => ( $page - 1 ) * $per_page,
			)
		);
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$rows = array_values( $result->getArrayCopy() );
		if ( $rows && ! array_key_exists( 'api_key', $rows[0] ) ) {
			return \CiviKey\CiviCRM\Error_Translator::api_key_forbidden();
		}
		$duplicates = $this->duplicate_keys();
		if ( is_wp_error( $duplicates ) ) {
			return $duplicates;
		}
		$links = $this->contacts->linked_user_ids( array_map( 'intval', array_column( $rows, 'id' ) ) );
		if ( is_wp_error( $links ) ) {
			return $links;
		}
		$users = array();
		if ( $links ) {
			foreach ( get_users( array( 'include' => array_values( $links ) ) ) as $user ) {
				$users[ $user->ID ] = $user;
			}
		}
		$ids     = array_map( 'intval', array_column( $rows, 'id' ) );
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
		return array(
			'items' => $items,
			'total' => (int) $result->countMatched(),
		);
	}

	/**
	 * Every keyed contact, page by page.
	 *
	 * @param int $per_page Page size.
	 * @return \Generator<int, array<string, mixed>|WP_Error>
	 */
	public function all( int $per_page = 500 ): \Generator {
		for ( $page = 1; ; $page++ ) {
			$found = $this->page( $page, $per_page );
			if ( is_wp_error( $found ) ) {
				yield $found;
				return;
			}
			foreach ( $found['items'] as $item ) {
				yield $item;
			}
			if ( $page * $per_page >= $found['total'] ) {
				return;
			}
		}
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
