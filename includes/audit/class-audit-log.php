<?php
/**
 * The audit trail.
 *
 * @package CiviKey
 */

namespace CiviKey\Audit;

/**
 * Who did what to which contact's key, when and from where. Never the key:
 * details are filtered so that no value under a secret-sounding name is
 * stored, whatever a caller passes.
 */
class Audit_Log {

	public const RETENTION_OPTION  = 'civikey_audit_retention_days';
	public const DEFAULT_RETENTION = 365;
	public const PURGE_HOOK        = 'civikey_purge_audit';

	/**
	 * Detail names never stored.
	 */
	/**
	 * The run entries now belong to: several changes made as one setup
	 * share it, so the trail can show them together. Empty outside a run.
	 *
	 * @var string
	 */
	private $run = '';

	private const SECRET_NAMES = array( 'key', 'api_key', 'site_key', 'password', 'pass', 'secret', 'token' );

	/**
	 * The table name.
	 *
	 * @return string
	 */
	public static function table(): string {
		global $wpdb;
		return $wpdb->prefix . 'civikey_audit';
	}

	/**
	 * The table's CREATE statement, for dbDelta.
	 *
	 * @param string $charset Charset clause.
	 * @return string
	 */
	public static function schema( string $charset ): string {
		$table = self::table();
		return "CREATE TABLE {$table} (
			id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
			created_at datetime NOT NULL,
			user_id bigint(20) unsigned NOT NULL DEFAULT 0,
			user_login varchar(60) NOT NULL DEFAULT '',
			contact_id bigint(20) unsigned DEFAULT NULL,
			action varchar(40) NOT NULL,
			result varchar(20) NOT NULL DEFAULT 'success',
			details text NULL,
			ip varchar(45) NOT NULL DEFAULT '',
			run_id varchar(36) NOT NULL DEFAULT '',
			PRIMARY KEY  (id),
			KEY created_at (created_at),
			KEY contact_id (contact_id),
			KEY action (action),
			KEY run_id (run_id)
		) {$charset};";
	}

	/**
	 * When each contact's key was last set or replaced, in one query.
	 *
	 * @param array<int, int> $contact_ids Contact IDs.
	 * @return array<int, string> UTC date-time by contact ID.
	 */
	public function last_changed( array $contact_ids ): array {
		global $wpdb;
		$contact_ids = array_values( array_filter( array_map( 'intval', $contact_ids ) ) );
		if ( ! $contact_ids ) {
			return array();
		}
		$table        = self::table();
		$placeholders = implode( ',', array_fill( 0, count( $contact_ids ), '%d' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- our own table, one placeholder per ID.
		$rows    = $wpdb->get_results( $wpdb->prepare( "SELECT contact_id, MAX(created_at) AS changed FROM {$table} WHERE result = 'success' AND action IN ('key_set', 'key_rotate') AND contact_id IN ({$placeholders}) GROUP BY contact_id", $contact_ids ), ARRAY_A );
		$changed = array();
		foreach ( (array) $rows as $row ) {
			$changed[ (int) $row['contact_id'] ] = (string) $row['changed'];
		}
		return $changed;
	}

	/**
	 * Records an event.
	 *
	 * @param string               $action     What happened, e.g. key_set.
	 * @param int|null             $contact_id Contact concerned.
	 * @param array<string, mixed> $details    Extra facts; secret-sounding names are dropped.
	 * @param string               $result     success or failure.
	 * @return int|false The entry ID, or false when it could not be written.
	 */
	public function record( string $action, ?int $contact_id, array $details = array(), string $result = 'success' ) {
		global $wpdb;
		$user    = wp_get_current_user();
		$row     = array(
			'created_at' => current_time( 'mysql', true ),
			'user_id'    => (int) $user->ID,
			'user_login' => (string) $user->user_login,
			'contact_id' => $contact_id,
			'action'     => substr( $action, 0, 40 ),
			'result'     => 'failure' === $result ? 'failure' : 'success',
			'details'    => $details ? (string) wp_json_encode( self::without_secrets( $details ) ) : null,
			'ip'         => self::client_ip(),
			'run_id'     => $this->run,
		);
		$written = $wpdb->insert( self::table(), $row, array( '%s', '%d', '%s', '%d', '%s', '%s', '%s', '%s', '%s' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery -- our own table.
		return $written ? (int) $wpdb->insert_id : false;
	}

	/**
	 * Starts a run: entries recorded until end_run() carry its ID, including
	 * those other code records meanwhile (a key change, say).
	 *
	 * @return string The run's ID.
	 */
	public function begin_run(): string {
		$this->run = wp_generate_uuid4();
		return $this->run;
	}

	/**
	 * Ends the current run.
	 */
	public function end_run(): void {
		$this->run = '';
	}

	/**
	 * Entries, newest first.
	 *
	 * @param array{since?: string|null, contact_id?: int|null, run?: string|null, page?: int, per_page?: int} $args Filters and paging; since is a UTC date-time.
	 * @return array{items: array<int, array<string, mixed>>, total: int}
	 */
	public function entries( array $args = array() ): array {
		global $wpdb;
		$table    = self::table();
		$where    = array( '1 = %d' );
		$values   = array( 1 );
		$page     = max( 1, (int) ( $args['page'] ?? 1 ) );
		$per_page = max( 1, min( 1000, (int) ( $args['per_page'] ?? 50 ) ) );
		if ( ! empty( $args['since'] ) ) {
			$where[]  = 'created_at >= %s';
			$values[] = (string) $args['since'];
		}
		if ( ! empty( $args['contact_id'] ) ) {
			$where[]  = 'contact_id = %d';
			$values[] = (int) $args['contact_id'];
		}
		if ( ! empty( $args['run'] ) ) {
			$where[]  = 'run_id = %s';
			$values[] = (string) $args['run'];
		}
		$where_sql = implode( ' AND ', $where );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- our own table; the WHERE clause is built from fixed fragments with one placeholder per value.
		$total = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$table} WHERE {$where_sql}", $values ) );
		$rows  = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT id, created_at, user_id, user_login, contact_id, action, result, details, ip, run_id AS run FROM {$table} WHERE {$where_sql} ORDER BY id DESC LIMIT %d OFFSET %d",
				array_merge( $values, array( $per_page, ( $page - 1 ) * $per_page ) )
			),
			ARRAY_A
		);
		// phpcs:enable
		$items = array();
		foreach ( (array) $rows as $row ) {
			$row['id']         = (int) $row['id'];
			$row['user_id']    = (int) $row['user_id'];
			$row['contact_id'] = null === $row['contact_id'] ? null : (int) $row['contact_id'];
			$row['details']    = null === $row['details'] ? array() : (array) json_decode( (string) $row['details'], true );
			$items[]           = $row;
		}
		return array(
			'items' => $items,
			'total' => $total,
		);
	}

	/**
	 * Days entries are kept: the civikey_audit_retention_days option, 365 by
	 * default, at least 1.
	 *
	 * @return int
	 */
	public static function retention_days(): int {
		$days = (int) get_option( self::RETENTION_OPTION, self::DEFAULT_RETENTION );
		return $days > 0 ? $days : self::DEFAULT_RETENTION;
	}

	/**
	 * Deletes entries older than the retention period; runs daily from cron.
	 *
	 * @param int|null $days Days to keep; the setting when null.
	 * @return int Entries deleted.
	 */
	public function purge( ?int $days = null ): int {
		global $wpdb;
		$table  = self::table();
		$cutoff = gmdate( 'Y-m-d H:i:s', time() - DAY_IN_SECONDS * ( $days ?? self::retention_days() ) );
		return (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE created_at < %s", $cutoff ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- our own table.
	}

	/**
	 * Schedules the daily purge.
	 */
	public static function schedule_purge(): void {
		if ( ! wp_next_scheduled( self::PURGE_HOOK ) ) {
			wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', self::PURGE_HOOK );
		}
	}

	/**
	 * Details without anything that could be a secret.
	 *
	 * @param array<string, mixed> $details Details.
	 * @return array<string, mixed>
	 */
	private static function without_secrets( array $details ): array {
		$clean = array();
		foreach ( $details as $name => $value ) {
			if ( in_array( strtolower( (string) $name ), self::SECRET_NAMES, true ) ) {
				continue;
			}
			$clean[ $name ] = is_array( $value ) ? self::without_secrets( $value ) : $value;
		}
		return $clean;
	}

	/**
	 * The client's IP address, as the web server saw it.
	 *
	 * Proxy headers are not trusted by default, since anyone can send them;
	 * sites behind a known proxy can use the filter.
	 *
	 * @return string
	 */
	public static function client_ip(): string {
		$ip = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		/**
		 * Filters the IP address recorded in CiviKey's audit trail.
		 *
		 * @param string $ip REMOTE_ADDR.
		 */
		$ip = (string) apply_filters( 'civikey_client_ip', $ip );
		return false !== filter_var( $ip, FILTER_VALIDATE_IP ) ? $ip : '';
	}
}
