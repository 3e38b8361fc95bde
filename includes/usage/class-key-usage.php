<?php
/**
 * When each key was last used.
 *
 * @package CiviKey
 */

namespace CiviKey\Usage;

use CiviKey\Audit\Audit_Log;

/**
 * Records, per contact, when its API key last logged in through AuthX and
 * from which IP, like WordPress does for Application Passwords.
 *
 * CiviCRM does not record this. AuthX announces each credential it is about
 * to accept on the civi.authx.checkPolicy event (ext/authx/Civi/Authx/
 * Authenticator.php); a guard can still turn it away after that, so the use
 * is written only once the request ends without an error status. At most one
 * write per contact every few minutes: a read by primary key decides.
 */
class Key_Usage {

	public const THROTTLE_SECONDS = 300;
	public const STALE_OPTION     = 'civikey_stale_days';
	public const DEFAULT_STALE    = 90;

	/**
	 * Contact whose key this request is using, once AuthX accepted it.
	 *
	 * @var int|null
	 */
	private $pending = null;

	/**
	 * Whether the AuthX listener is attached.
	 *
	 * @var bool
	 */
	private $listening = false;

	/**
	 * The table name.
	 *
	 * @return string
	 */
	public static function table(): string {
		global $wpdb;
		return $wpdb->prefix . 'civikey_key_usage';
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
			contact_id bigint(20) unsigned NOT NULL,
			last_used_at datetime NOT NULL,
			ip varchar(45) NOT NULL DEFAULT '',
			PRIMARY KEY  (contact_id)
		) {$charset};";
	}

	/**
	 * Days without use after which a key is stale.
	 *
	 * @return int
	 */
	public static function stale_days(): int {
		$days = (int) get_option( self::STALE_OPTION, self::DEFAULT_STALE );
		return $days > 0 ? $days : self::DEFAULT_STALE;
	}

	/**
	 * Hooks into CiviCRM's start-up, where AuthX's dispatcher is available.
	 */
	public function register(): void {
		// CiviCRM runs its hooks as WordPress actions (CRM/Utils/Hook/WordPress.php).
		add_action( 'civicrm_config', array( $this, 'listen' ) );
		if ( did_action( 'civicrm_config' ) ) {
			$this->listen();
		}
	}

	/**
	 * Attaches the AuthX listener once.
	 */
	public function listen(): void {
		if ( $this->listening || ! is_callable( array( 'Civi', 'dispatcher' ) ) ) {
			return;
		}
		$this->listening = true;
		// Late, so listeners that reject run first.
		\Civi::dispatcher()->addListener( 'civi.authx.checkPolicy', array( $this, 'on_check_policy' ), -1000 );
	}

	/**
	 * Notes a key about to be accepted.
	 *
	 * @param object $event CheckPolicyEvent with a target (credType, contactId).
	 */
	public function on_check_policy( $event ): void {
		$target = $event->target ?? null;
		if ( ! is_object( $target ) || 'api_key' !== ( $target->credType ?? null ) || empty( $target->contactId ) ) { // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- AuthX's properties.
			return;
		}
		if ( method_exists( $event, 'getRejection' ) && $event->getRejection() ) {
			return;
		}
		if ( null === $this->pending ) {
			add_action( 'shutdown', array( $this, 'record_pending' ) );
			// AuthX answers refusals and some responses with exit, before
			// WordPress's shutdown action: a shutdown function still runs.
			register_shutdown_function( array( $this, 'record_pending' ) );
		}
		$this->pending = (int) $target->contactId; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase
	}

	/**
	 * Writes the pending use if the request succeeded.
	 */
	public function record_pending(): void {
		$contact_id    = $this->pending;
		$this->pending = null;
		$status        = http_response_code();
		if ( null === $contact_id || ( is_int( $status ) && $status >= 400 ) ) {
			return;
		}
		$this->touch( $contact_id, Audit_Log::client_ip() );
	}

	/**
	 * Records a use, unless one was recorded in the last few minutes.
	 *
	 * @param int    $contact_id Contact ID.
	 * @param string $ip         Client IP.
	 * @param int    $now        Time, for tests.
	 * @return bool Whether a row was written.
	 */
	public function touch( int $contact_id, string $ip, ?int $now = null ): bool {
		global $wpdb;
		$now   = $now ?? time();
		$table = self::table();
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- our own table.
		$last = $wpdb->get_var( $wpdb->prepare( "SELECT last_used_at FROM {$table} WHERE contact_id = %d", $contact_id ) );
		if ( is_string( $last ) && strtotime( $last . ' UTC' ) > $now - self::THROTTLE_SECONDS ) {
			return false;
		}
		$written = $wpdb->query(
			$wpdb->prepare(
				"INSERT INTO {$table} (contact_id, last_used_at, ip) VALUES (%d, %s, %s) ON DUPLICATE KEY UPDATE last_used_at = VALUES(last_used_at), ip = VALUES(ip)",
				$contact_id,
				gmdate( 'Y-m-d H:i:s', $now ),
				$ip
			)
		);
		// phpcs:enable
		return false !== $written;
	}

	/**
	 * Last uses of several contacts, in one query.
	 *
	 * @param array<int, int> $contact_ids Contact IDs.
	 * @return array<int, array{at: string, ip: string}> By contact ID; at is UTC.
	 */
	public function for_contacts( array $contact_ids ): array {
		global $wpdb;
		$contact_ids = array_values( array_filter( array_map( 'intval', $contact_ids ) ) );
		if ( ! $contact_ids ) {
			return array();
		}
		$table        = self::table();
		$placeholders = implode( ',', array_fill( 0, count( $contact_ids ), '%d' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- our own table, one placeholder per ID.
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT contact_id, last_used_at, ip FROM {$table} WHERE contact_id IN ({$placeholders})", $contact_ids ), ARRAY_A );
		$uses = array();
		foreach ( (array) $rows as $row ) {
			$uses[ (int) $row['contact_id'] ] = array(
				'at' => (string) $row['last_used_at'],
				'ip' => (string) $row['ip'],
			);
		}
		return $uses;
	}
}
