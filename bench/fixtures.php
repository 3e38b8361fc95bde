<?php
/**
 * What the bench needs in the local site besides the seeded contacts.
 *
 * Usage: php bench/fixtures.php <command> --wp=<WordPress dir> [--count=N]
 *
 *   state         JSON: WordPress, PHP and CiviCRM versions, whether CiviCRM is
 *                 the stand-in, and how many contacts, seeded contacts, keyed
 *                 contacts and linked keyed contacts (of the first --count) there are.
 *   link-users    Gives the first --count keyed contacts (by ID: the inventory's
 *                 first page at that size) a WordPress user each, the way
 *                 CiviKey's "Create a service user" does, so the inventory's
 *                 user lookups have work to do. Contacts already linked are left.
 *   forget-users  Deletes the users link-users made (before a reseed empties
 *                 the links that pointed at them).
 *   next-contact-id   Prints the stand-in's next contact ID.
 *   keep-contact-ids  After the stand-in's tables were emptied, makes new
 *                 contacts start at --from=N again rather than at 1 (see below).
 *
 * Everything goes through CiviKey's own gateway and services, as the admin user,
 * with CiviCRM's permission checks on, except the two contact-ID commands:
 * they are for the stand-in only and talk to its database directly, as its
 * seed script does. CiviCRM never hands out a contact ID twice, and CiviKey's
 * audit trail (a WordPress table, which a truncation of the stand-in does
 * not touch) keeps entries by contact ID. Emptying the stand-in with
 * TRUNCATE restarts IDs at 1, so a contact made afterwards would inherit the
 * audit entries of an earlier one, which npm test's concurrency journey
 * notices.
 *
 * @package CiviKey\Bench
 */

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals, WordPress.WP.AlternativeFunctions, WordPress.Security.EscapeOutput.OutputNotEscaped, WordPress.WP.GlobalVariablesOverride -- a command-line tool.

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

const CIVIKEY_BENCH_USERS_OPTION = 'civikey_bench_user_ids';

// getopt() stops at the command word, so the options are read by hand.
$civikey_bench_command = $argv[1] ?? '';
$civikey_bench_options = array();
foreach ( array_slice( $argv, 2 ) as $civikey_bench_arg ) {
	if ( preg_match( '/^--(wp|count|from)=(.+)$/', $civikey_bench_arg, $civikey_bench_match ) ) {
		$civikey_bench_options[ $civikey_bench_match[1] ] = $civikey_bench_match[2];
	}
}
if ( ! in_array( $civikey_bench_command, array( 'state', 'link-users', 'forget-users', 'next-contact-id', 'keep-contact-ids' ), true ) || empty( $civikey_bench_options['wp'] ) ) {
	fwrite( STDERR, "Usage: php bench/fixtures.php state|link-users|forget-users|next-contact-id|keep-contact-ids --wp=<WordPress dir> [--count=100] [--from=N]\n" );
	exit( 2 );
}
$civikey_bench_count = max( 1, (int) ( $civikey_bench_options['count'] ?? 100 ) );

$_SERVER['HTTP_HOST'] = '127.0.0.1';
define( 'WP_USE_THEMES', false );
require rtrim( (string) $civikey_bench_options['wp'], '/' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

$civikey_bench_admin = get_user_by( 'login', false !== getenv( 'ADMIN_USER' ) ? getenv( 'ADMIN_USER' ) : 'admin' );
if ( ! $civikey_bench_admin ) {
	fwrite( STDERR, "No admin user in this site.\n" );
	exit( 1 );
}
wp_set_current_user( $civikey_bench_admin->ID );

$civikey_bench_plugin = CiviKey\Plugin::instance();
if ( ! $civikey_bench_plugin ) {
	fwrite( STDERR, "CiviKey is not active in this site.\n" );
	exit( 1 );
}
$civikey_bench_gateway  = $civikey_bench_plugin->gateway();
$civikey_bench_contacts = new CiviKey\CiviCRM\Contact_Directory( $civikey_bench_gateway );

/**
 * Stops with CiviCRM's refusal.
 *
 * @param WP_Error $error What went wrong.
 */
function civikey_bench_fail( WP_Error $error ): void {
	fwrite( STDERR, $error->get_error_message() . "\n" );
	exit( 1 );
}

/**
 * How many contacts match.
 *
 * @param CiviKey\CiviCRM\Gateway       $gateway Gateway.
 * @param array<int, array<int, mixed>> $where   APIv4 where clauses.
 * @return int
 */
function civikey_bench_count_contacts( CiviKey\CiviCRM\Gateway $gateway, array $where ): int {
	$result = $gateway->call_for_result(
		'Contact',
		'get',
		array(
			'select' => array( 'row_count' ),
			'where'  => array_merge( array( array( 'is_deleted', 'IN', array( true, false ) ) ), $where ),
		)
	);
	if ( is_wp_error( $result ) ) {
		civikey_bench_fail( $result );
	}
	return (int) $result->countMatched();
}

/**
 * The first keyed contacts by ID, with their linked user IDs (or none).
 *
 * @param CiviKey\CiviCRM\Gateway           $gateway  Gateway.
 * @param CiviKey\CiviCRM\Contact_Directory $contacts Contact directory.
 * @param int                               $count    How many.
 * @return array<int, int|null> Linked user ID by contact ID.
 */
function civikey_bench_first_keyed( CiviKey\CiviCRM\Gateway $gateway, CiviKey\CiviCRM\Contact_Directory $contacts, int $count ): array {
	$rows = $gateway->call(
		'Contact',
		'get',
		array(
			'select'  => array( 'id' ),
			'where'   => array(
				array( 'api_key', 'IS NOT EMPTY' ),
				array( 'is_deleted', 'IN', array( true, false ) ),
			),
			'orderBy' => array( 'id' => 'ASC' ),
			'limit'   => $count,
		)
	);
	if ( is_wp_error( $rows ) ) {
		civikey_bench_fail( $rows );
	}
	$ids   = array_map( 'intval', array_column( $rows, 'id' ) );
	$links = $contacts->linked_user_ids( $ids );
	if ( is_wp_error( $links ) ) {
		civikey_bench_fail( $links );
	}
	$linked = array();
	foreach ( $ids as $id ) {
		$linked[ $id ] = isset( $links[ $id ] ) && get_userdata( (int) $links[ $id ] ) ? (int) $links[ $id ] : null;
	}
	return $linked;
}

/**
 * The stand-in's own connection.
 *
 * @return CiviCRM_Standin\Database
 */
function civikey_bench_standin_database() {
	if ( ! class_exists( 'CiviCRM_Standin\\Database' ) ) {
		fwrite( STDERR, "Only the CiviCRM stand-in's contact IDs can be handled here.\n" );
		exit( 1 );
	}
	return CiviCRM_Standin\Database::instance();
}

switch ( $civikey_bench_command ) {
	case 'state':
		global $wp_version;
		$civikey_bench_version = $civikey_bench_gateway->version();
		$civikey_bench_first   = civikey_bench_first_keyed( $civikey_bench_gateway, $civikey_bench_contacts, $civikey_bench_count );
		echo wp_json_encode(
			array(
				'wordpress' => $wp_version,
				'php'       => PHP_VERSION,
				'civicrm'   => array(
					'state'   => $civikey_bench_gateway->availability(),
					'version' => $civikey_bench_version,
					// The stand-in says so in its version and defines its own classes.
					'standin' => class_exists( 'CiviCRM_Standin\\Database' ) || ( null !== $civikey_bench_version && false !== strpos( $civikey_bench_version, 'standin' ) ),
				),
				'contacts'  => array(
					'total'        => civikey_bench_count_contacts( $civikey_bench_gateway, array() ),
					'seeded'       => civikey_bench_count_contacts( $civikey_bench_gateway, array( array( 'source', '=', 'civicrm-standin seed' ) ) ),
					'keyed'        => civikey_bench_count_contacts( $civikey_bench_gateway, array( array( 'api_key', 'IS NOT EMPTY' ) ) ),
					'first_keyed'  => count( $civikey_bench_first ),
					'first_linked' => count( array_filter( $civikey_bench_first ) ),
				),
			)
		);
		echo "\n";
		break;

	case 'link-users':
		$civikey_bench_users   = new CiviKey\Permissions\Service_User( $civikey_bench_contacts );
		$civikey_bench_made    = array_map( 'intval', (array) get_option( CIVIKEY_BENCH_USERS_OPTION, array() ) );
		$civikey_bench_created = 0;
		foreach ( civikey_bench_first_keyed( $civikey_bench_gateway, $civikey_bench_contacts, $civikey_bench_count ) as $civikey_bench_contact_id => $civikey_bench_user_id ) {
			if ( null !== $civikey_bench_user_id ) {
				continue;
			}
			$civikey_bench_user = $civikey_bench_users->create_for( $civikey_bench_contact_id );
			if ( is_wp_error( $civikey_bench_user ) ) {
				civikey_bench_fail( $civikey_bench_user );
			}
			$civikey_bench_made[] = $civikey_bench_user['user_id'];
			++$civikey_bench_created;
			// Saved as it goes, so an interrupted run still forgets them later.
			update_option( CIVIKEY_BENCH_USERS_OPTION, $civikey_bench_made, false );
		}
		printf( "Linked %d keyed contacts to new WordPress users.\n", $civikey_bench_created );
		break;

	case 'next-contact-id':
		echo civikey_bench_standin_database()->fetch_value( "SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'civicrm_contact'" ), "\n";
		break;

	case 'keep-contact-ids':
		global $wpdb;
		$civikey_bench_from = (int) ( $civikey_bench_options['from'] ?? 0 );
		if ( $civikey_bench_from < 1 ) {
			fwrite( STDERR, "keep-contact-ids needs --from=<next contact ID>\n" );
			exit( 2 );
		}
		// Past the contacts CiviKey's own tables remember too, in case the
		// stand-in was emptied before without this.
		foreach ( CiviKey\Schema::tables() as $civikey_bench_table ) {
			$civikey_bench_from = max( $civikey_bench_from, 1 + (int) $wpdb->get_var( "SELECT MAX(contact_id) FROM `{$civikey_bench_table}`" ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- our own table names, nothing from input.
		}
		// InnoDB raises a value below MAX(id) + 1 to it, so this never clashes.
		civikey_bench_standin_database()->raw( sprintf( 'ALTER TABLE civicrm_contact AUTO_INCREMENT = %d', $civikey_bench_from ) );
		printf( "New contacts start at ID %d or above.\n", $civikey_bench_from );
		break;

	case 'forget-users':
		$civikey_bench_made = array_map( 'intval', (array) get_option( CIVIKEY_BENCH_USERS_OPTION, array() ) );
		foreach ( $civikey_bench_made as $civikey_bench_user_id ) {
			if ( get_userdata( $civikey_bench_user_id ) ) {
				wp_delete_user( $civikey_bench_user_id );
			}
		}
		delete_option( CIVIKEY_BENCH_USERS_OPTION );
		printf( "Deleted %d users made by an earlier bench.\n", count( $civikey_bench_made ) );
		break;
}
