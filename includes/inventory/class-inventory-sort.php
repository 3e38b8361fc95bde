<?php
/**
 * Orders of the inventory.
 *
 * @package CiviKey
 */

namespace CiviKey\Inventory;

use CiviKey\Audit\Audit_Log;
use CiviKey\Usage\Key_Usage;

/**
 * How the inventory can be ordered, and where each order comes from.
 *
 * Contact ID and name are CiviCRM columns: CiviCRM sorts and pages them. Last
 * used and last changed live in CiviKey's own tables, which CiviCRM cannot
 * join, so those orders are read from our tables as a ranked list of contact
 * IDs (one query, a few bytes per contact); the inventory then takes its page
 * out of that list and asks CiviCRM for just those contacts by ID. A contact
 * with no date counts as the oldest: last when the newest come first, first
 * when the oldest do, as SQL orders NULL.
 */
class Inventory_Sort {

	public const BY_ID           = 'id';
	public const BY_NAME         = 'name';
	public const BY_LAST_USED    = 'last_used';
	public const BY_LAST_CHANGED = 'last_changed';

	public const ASC  = 'asc';
	public const DESC = 'desc';

	/**
	 * Audit actions that change a key, as Audit_Log::last_changed() counts them.
	 */
	private const CHANGE_ACTIONS = array( 'key_set', 'key_rotate' );

	/**
	 * What the inventory can be ordered by.
	 *
	 * @return array<int, string>
	 */
	public static function fields(): array {
		return array( self::BY_ID, self::BY_NAME, self::BY_LAST_USED, self::BY_LAST_CHANGED );
	}

	/**
	 * Whether an order comes from CiviKey's tables rather than CiviCRM's.
	 *
	 * @param string $orderby One of fields().
	 * @return bool
	 */
	public static function is_ranked( string $orderby ): bool {
		return self::BY_LAST_USED === $orderby || self::BY_LAST_CHANGED === $orderby;
	}

	/**
	 * APIv4 orderBy for the orders CiviCRM sorts. Ties fall back on the
	 * contact ID so that pages never overlap.
	 *
	 * @param string $orderby One of fields().
	 * @param string $order   asc or desc.
	 * @return array<string, string>
	 */
	public static function civicrm_order_by( string $orderby, string $order ): array {
		$direction = self::DESC === $order ? 'DESC' : 'ASC';
		if ( self::BY_NAME === $orderby ) {
			// sort_name is what CiviCRM sorts contacts by ("Lovelace, Ada"), and indexed.
			return array(
				'sort_name' => $direction,
				'id'        => $direction,
			);
		}
		return array( 'id' => $direction );
	}

	/**
	 * Contact IDs in the order of a date CiviKey records, in one query on its
	 * own table. Contacts without that date are not listed; they may no
	 * longer hold a key, which the caller checks against CiviCRM.
	 *
	 * @param string $orderby BY_LAST_USED or BY_LAST_CHANGED.
	 * @param string $order   asc or desc.
	 * @return array<int, int>
	 */
	public static function ranked_contact_ids( string $orderby, string $order ): array {
		global $wpdb;
		$direction = self::DESC === $order ? 'DESC' : 'ASC';
		// Our own tables; the direction is one of two constants; %i (an identifier,
		// WordPress 6.2+) is newer than the coding standard's placeholder sniff.
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders
		if ( self::BY_LAST_USED === $orderby ) {
			$ids = $wpdb->get_col( $wpdb->prepare( "SELECT contact_id FROM %i ORDER BY last_used_at {$direction}, contact_id ASC", Key_Usage::table() ) );
		} else {
			$ids = $wpdb->get_col(
				$wpdb->prepare(
					"SELECT contact_id FROM %i WHERE result = 'success' AND action IN (%s, %s) AND contact_id IS NOT NULL GROUP BY contact_id ORDER BY MAX(created_at) {$direction}, contact_id ASC",
					Audit_Log::table(),
					self::CHANGE_ACTIONS[0],
					self::CHANGE_ACTIONS[1]
				)
			);
		}
		// phpcs:enable
		return array_map( 'intval', (array) $ids );
	}

	/**
	 * Every keyed contact in a ranked order: those with a date in the order
	 * of their rank, those without by contact ID, before them (oldest first)
	 * or after them (newest first).
	 *
	 * @param array<int, int> $ranked All ranked contact IDs, in order.
	 * @param array<int, int> $keyed  Every contact holding a key, by ID.
	 * @param string          $order  asc or desc.
	 * @return array<int, int>
	 */
	public static function merge( array $ranked, array $keyed, string $order ): array {
		$holds_key = array_flip( $keyed );
		$dated     = array();
		foreach ( $ranked as $contact_id ) {
			if ( isset( $holds_key[ $contact_id ] ) ) {
				$dated[] = $contact_id;
				unset( $holds_key[ $contact_id ] );
			}
		}
		$undated = array_keys( $holds_key );
		sort( $undated );
		return self::DESC === $order ? array_merge( $dated, $undated ) : array_merge( $undated, $dated );
	}
}
