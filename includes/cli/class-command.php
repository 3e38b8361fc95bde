<?php
/**
 * `wp civikey`
 *
 * @package CiviKey
 */

namespace CiviKey\CLI;

use CiviKey\Audit\Audit_Log;
use CiviKey\Inventory\Inventory;
use CiviKey\Inventory\Inventory_Sort;
use CiviKey\Keys\Key_Policy;
use CiviKey\Keys\Key_Service;
use CiviKey\Permissions\Profiles;
use CiviKey\Permissions\Report_Builder;
use WP_CLI;
use WP_Error;

/**
 * Manage CiviCRM API keys from the command line.
 *
 * The commands use the same services as Tools → CiviKey, and CiviCRM's
 * permission checks stay on: run them as a user who may manage keys, with
 * --user=<login>.
 *
 * ## EXAMPLES
 *
 *     # Give contact 42 a new 32-character key (printed once).
 *     $ wp civikey set 42 --generate --user=admin
 *
 *     # Will contact 42's key work for reading contacts?
 *     $ wp civikey check 42 --profile=read_contacts --user=admin
 */
class Command {

	/**
	 * Key lifecycle.
	 *
	 * @var Key_Service
	 */
	private $keys;

	/**
	 * Permission reports.
	 *
	 * @var Report_Builder
	 */
	private $reports;

	/**
	 * Key inventory.
	 *
	 * @var Inventory
	 */
	private $inventory;

	/**
	 * Audit trail.
	 *
	 * @var Audit_Log
	 */
	private $audit;

	/**
	 * Constructor.
	 *
	 * @param Key_Service    $keys      Key lifecycle.
	 * @param Report_Builder $reports   Permission reports.
	 * @param Inventory      $inventory Key inventory.
	 * @param Audit_Log      $audit     Audit trail.
	 */
	public function __construct( Key_Service $keys, Report_Builder $reports, Inventory $inventory, Audit_Log $audit ) {
		$this->keys      = $keys;
		$this->reports   = $reports;
		$this->inventory = $inventory;
		$this->audit     = $audit;
	}

	/**
	 * Lists every contact holding a key, with its problems.
	 *
	 * ## OPTIONS
	 *
	 * [--problems]
	 * : Only keys with at least one problem.
	 *
	 * [--sort=<field>]
	 * : Order of the keys. Keys never used (or never changed through CiviKey) count as the oldest.
	 * ---
	 * default: id
	 * options:
	 *   - id
	 *   - name
	 *   - last_used
	 *   - last_changed
	 * ---
	 *
	 * [--order=<order>]
	 * : Direction of the order.
	 * ---
	 * default: asc
	 * options:
	 *   - asc
	 *   - desc
	 * ---
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     # Keys with a problem, most recently used first.
	 *     $ wp civikey list --problems --sort=last_used --order=desc --user=admin
	 *
	 * @subcommand list
	 *
	 * @param array<int, string>    $args       Positional arguments.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$this->require_user();
		$only_problems = (bool) WP_CLI\Utils\get_flag_value( $assoc_args, 'problems', false );
		$sort          = (string) ( $assoc_args['sort'] ?? Inventory_Sort::BY_ID );
		$order         = (string) ( $assoc_args['order'] ?? Inventory_Sort::ASC );
		$rows          = array();
		foreach ( $this->inventory->all( 500, $sort, $order ) as $item ) {
			if ( $item instanceof WP_Error ) {
				$this->fail( $item );
				return;
			}
			if ( $only_problems && ! $item['problems'] ) {
				continue;
			}
			$rows[] = array(
				'contact_id'   => $item['id'],
				'display_name' => $item['display_name'],
				'key_length'   => $item['key']['length'],
				'ends_with'    => $item['key']['fingerprint']['last4'] ?? '',
				'user'         => null === $item['user'] ? '' : (string) ( $item['user']['login'] ?? '#' . $item['user']['id'] ),
				'roles'        => null === $item['user'] ? '' : implode( ',', $item['user']['roles'] ),
				'last_used'    => null === $item['last_used'] ? '' : (string) $item['last_used']['at'],
				'problems'     => implode( ',', $item['problems'] ),
			);
		}
		$format = $assoc_args['format'] ?? 'table';
		if ( 'json' === $format ) {
			// Problems as a list, so scripts need not split strings.
			foreach ( $rows as &$row ) {
				$row['problems'] = '' === $row['problems'] ? array() : explode( ',', $row['problems'] );
			}
			unset( $row );
			WP_CLI::line( (string) wp_json_encode( $rows ) );
			return;
		}
		if ( ! $rows && 'table' === $format ) {
			WP_CLI::success( $only_problems ? 'No key has a problem.' : 'No contact holds a key.' );
			return;
		}
		WP_CLI\Utils\format_items( $format, $rows, array( 'contact_id', 'display_name', 'key_length', 'ends_with', 'user', 'roles', 'last_used', 'problems' ) );
	}

	/**
	 * Sets or replaces a contact's key.
	 *
	 * ## OPTIONS
	 *
	 * <contact-id>
	 * : CiviCRM contact ID.
	 *
	 * [--generate]
	 * : Generate a random key of letters and digits (printed once).
	 *
	 * [--length=<length>]
	 * : Length of the generated key, 20 to 32.
	 * ---
	 * default: 32
	 * ---
	 *
	 * [--key=<key>]
	 * : Use this key instead. Beware: it stays in your shell history.
	 *
	 * [--yes]
	 * : Replace an existing key without asking.
	 *
	 * @param array<int, string>    $args       Positional arguments.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function set( array $args, array $assoc_args ): void {
		$this->require_user();
		$contact_id = $this->contact_id( $args );
		$generate   = (bool) WP_CLI\Utils\get_flag_value( $assoc_args, 'generate', false );
		$has_key    = isset( $assoc_args['key'] );
		if ( $generate === $has_key ) {
			WP_CLI::error( 'Give either --generate or --key=<key>.' );
		}
		if ( $generate ) {
			$length = (int) ( $assoc_args['length'] ?? Key_Policy::DEFAULT_LENGTH );
			if ( $length < Key_Policy::MIN_LENGTH || $length > Key_Policy::MAX_LENGTH ) {
				WP_CLI::error( sprintf( 'The length must be %d to %d.', Key_Policy::MIN_LENGTH, Key_Policy::MAX_LENGTH ) );
			}
			$key = Key_Policy::generate( $length );
		} else {
			$key = (string) $assoc_args['key'];
		}
		$result = $this->keys->set_key( $contact_id, $key, false );
		if ( $result instanceof WP_Error && 'civikey_key_exists' === $result->get_error_code() ) {
			WP_CLI::confirm( "Contact $contact_id already has a key. Replace it? Whatever uses the old key stops working.", $assoc_args );
			$result = $this->keys->set_key( $contact_id, $key, true );
		}
		if ( $result instanceof WP_Error ) {
			$this->fail( $result );
			return;
		}
		$verb = Key_Service::ACTION_ROTATE === $result['action'] ? 'Replaced' : 'Set';
		WP_CLI::success( sprintf( '%s the key of contact %d (%s).', $verb, $contact_id, $result['contact']['display_name'] ) );
		if ( $generate ) {
			WP_CLI::line( 'Copy this key now; it will not be shown again:' );
			WP_CLI::line( $key );
		}
	}

	/**
	 * Revokes a contact's key.
	 *
	 * ## OPTIONS
	 *
	 * <contact-id>
	 * : CiviCRM contact ID.
	 *
	 * [--yes]
	 * : Do not ask for confirmation.
	 *
	 * @param array<int, string>    $args       Positional arguments.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function revoke( array $args, array $assoc_args ): void {
		$this->require_user();
		$contact_id = $this->contact_id( $args );
		WP_CLI::confirm( "Revoke the key of contact $contact_id? Whatever uses it stops working.", $assoc_args );
		$result = $this->keys->revoke( $contact_id );
		if ( $result instanceof WP_Error ) {
			$this->fail( $result );
			return;
		}
		WP_CLI::success( sprintf( 'Revoked the key of contact %d (%s).', $contact_id, $result['contact']['display_name'] ) );
	}

	/**
	 * Says whether a contact's key will work, and what to fix.
	 *
	 * Exits 0 when it works, 1 otherwise.
	 *
	 * ## OPTIONS
	 *
	 * <contact-id>
	 * : CiviCRM contact ID.
	 *
	 * [--profile=<name>]
	 * : What the integration must do: read_contacts, edit_contacts, contributions, events, mailing_lists or administer.
	 * ---
	 * default: read_contacts
	 * ---
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 * ---
	 *
	 * @param array<int, string>    $args       Positional arguments.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function check( array $args, array $assoc_args ): void {
		$this->require_user();
		$contact_id  = $this->contact_id( $args );
		$profile     = (string) ( $assoc_args['profile'] ?? 'read_contacts' );
		$permissions = Profiles::permissions( $profile );
		if ( null === $permissions ) {
			WP_CLI::error( sprintf( 'Unknown profile "%s". Choose one of: %s.', $profile, implode( ', ', array_keys( Profiles::all() ) ) ) );
			return;
		}
		$report = $this->reports->build( $contact_id, $permissions );
		if ( $report instanceof WP_Error ) {
			$this->fail( $report );
			return;
		}
		if ( 'json' === ( $assoc_args['format'] ?? 'table' ) ) {
			unset( $report['contact'] );
			WP_CLI::line( (string) wp_json_encode( $report ) );
		} else {
			WP_CLI::line( $report['summary'] );
			$rows = array();
			foreach ( $report['checks'] as $check ) {
				$rows[] = array(
					'status' => strtoupper( $check['status'] ),
					'check'  => $check['message'],
					'fix'    => (string) $check['fix_how'],
				);
			}
			WP_CLI\Utils\format_items( 'table', $rows, array( 'status', 'check', 'fix' ) );
			foreach ( $report['warnings'] as $warning ) {
				WP_CLI::warning( $warning['message'] );
			}
		}
		if ( 'works' !== $report['verdict'] ) {
			WP_CLI::halt( 1 );
		}
	}

	/**
	 * Shows the audit trail, newest first.
	 *
	 * ## OPTIONS
	 *
	 * [--since=<date>]
	 * : Only entries from this date on (anything strtotime() reads, in UTC).
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 * ---
	 *
	 * @param array<int, string>    $args       Positional arguments.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function audit( array $args, array $assoc_args ): void {
		$since = null;
		if ( isset( $assoc_args['since'] ) ) {
			$time = strtotime( (string) $assoc_args['since'] . ' UTC' );
			if ( false === $time ) {
				WP_CLI::error( sprintf( 'Could not read the date "%s". Try a form like 2026-11-01.', $assoc_args['since'] ) );
				return;
			}
			$since = gmdate( 'Y-m-d H:i:s', $time );
		}
		$rows = array();
		for ( $page = 1; ; $page++ ) {
			$found = $this->audit->entries(
				array(
					'since'    => $since,
					'page'     => $page,
					'per_page' => 1000,
				)
			);
			foreach ( $found['items'] as $entry ) {
				$entry['details'] = $entry['details'] ? (string) wp_json_encode( $entry['details'] ) : '';
				$rows[]           = $entry;
			}
			if ( $page * 1000 >= $found['total'] ) {
				break;
			}
		}
		WP_CLI\Utils\format_items( $assoc_args['format'] ?? 'table', $rows, array( 'id', 'created_at', 'user_login', 'contact_id', 'action', 'result', 'ip', 'details' ) );
	}

	/**
	 * CiviCRM checks permissions as the current user, so there must be one.
	 */
	private function require_user(): void {
		if ( ! get_current_user_id() ) {
			WP_CLI::error( 'Run this as a WordPress user who may manage keys, for example: --user=admin' );
		}
	}

	/**
	 * The contact ID argument.
	 *
	 * @param array<int, string> $args Positional arguments.
	 * @return int
	 */
	private function contact_id( array $args ): int {
		$raw = $args[0] ?? '';
		if ( ! ctype_digit( $raw ) || (int) $raw < 1 ) {
			WP_CLI::error( sprintf( '"%s" is not a contact ID. Give the number CiviCRM shows as the contact ID.', $raw ) );
		}
		return (int) $raw;
	}

	/**
	 * Exits with the error's sentence.
	 *
	 * @param WP_Error $error Error.
	 */
	private function fail( WP_Error $error ): void {
		WP_CLI::error( $error->get_error_message() );
	}
}
