<?php
/**
 * Bulk-loads contacts into the CiviCRM stand-in (TEST DOUBLE; dev/test only).
 *
 * Usage:
 *   php tests/civicrm-standin/bin/seed.php --wp=<WordPress dir> --contacts=100000 [--keys=N] [--emails=every-nth] [--truncate]
 *   php tests/civicrm-standin/bin/seed.php --wp=<WordPress dir> --contacts=10000 --keys=10000 --problems[=N] [--json] [--truncate]
 *   php tests/civicrm-standin/bin/seed.php --wp=<WordPress dir> --clean
 *
 *   --contacts  Individuals to add (default 1000).
 *   --keys      How many of them get an API key (default 0): random,
 *               32 alphanumeric characters unless --problems says otherwise.
 *   --emails    Every n-th contact gets a primary email (default 2; 0 for none).
 *   --problems  Plant, among the keyed contacts, N with each problem CiviKey's
 *               inventory flags (default N: 1 in 50 keyed contacts), each with
 *               that one problem only; every other keyed contact has none: a
 *               WordPress user of its own with CiviKey's "Read contacts"
 *               client role. Last-used rows go into CiviKey's table (recent
 *               ones, and stale ones for the stale problem). Needs CiviKey
 *               active. Prints what was planted, per problem.
 *   --json      With --problems: print what was planted as JSON (with the
 *               contact IDs of each problem) instead of a table.
 *   --truncate  Empty the stand-in's tables first, and with them CiviKey's
 *               last-used rows (their contact IDs are gone and will be
 *               reused) and the users an earlier --problems run planted.
 *   --clean     Only remove what this script planted: its contacts (source
 *               "civicrm-standin seed"), their links and last-used rows, its
 *               users, and the client role if it created it.
 *
 * Rows go in with multi-row INSERTs through the stand-in's own connection,
 * with explicit ids so emails can point at their contacts; WordPress users
 * too (login standin-seed-<contact ID>), with one password hash computed once
 * and thrown away, so nobody can log in as them. Display and sort names follow
 * the same rules as Contact.create.
 *
 * @package CiviCRM_Standin
 */

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.Security.EscapeOutput.OutputNotEscaped, WordPress.Security.ValidatedSanitizedInput, WordPress.DB.DirectDatabaseQuery -- a command-line tool.

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

$civicrm_standin_options = getopt( '', array( 'wp:', 'contacts::', 'keys::', 'emails::', 'problems::', 'json', 'truncate', 'clean', 'help' ) );
if ( isset( $civicrm_standin_options['help'] ) || empty( $civicrm_standin_options['wp'] ) ) {
	fwrite( STDERR, "Usage: php seed.php --wp=<WordPress dir> [--contacts=1000] [--keys=0] [--emails=2] [--problems[=N]] [--json] [--truncate] | --clean\n" );
	exit( isset( $civicrm_standin_options['help'] ) ? 0 : 2 );
}
$civicrm_standin_wp = rtrim( (string) $civicrm_standin_options['wp'], '/' );
if ( ! is_file( $civicrm_standin_wp . '/wp-load.php' ) ) {
	fwrite( STDERR, "No wp-load.php in $civicrm_standin_wp\n" );
	exit( 2 );
}
$civicrm_standin_contacts = max( 0, (int) ( $civicrm_standin_options['contacts'] ?? 1000 ) );
$civicrm_standin_keys     = max( 0, min( $civicrm_standin_contacts, (int) ( $civicrm_standin_options['keys'] ?? 0 ) ) );
$civicrm_standin_emails   = max( 0, (int) ( $civicrm_standin_options['emails'] ?? 2 ) );
$civicrm_standin_problems = null;
if ( array_key_exists( 'problems', $civicrm_standin_options ) ) {
	$civicrm_standin_problems = false === $civicrm_standin_options['problems'] ? max( 2, intdiv( $civicrm_standin_keys, 50 ) ) : (int) $civicrm_standin_options['problems'];
	if ( $civicrm_standin_problems < 2 ) {
		fwrite( STDERR, "--problems=N needs N of at least 2: keys held twice come in pairs.\n" );
		exit( 2 );
	}
	if ( $civicrm_standin_keys < 8 * $civicrm_standin_problems ) {
		fwrite( STDERR, sprintf( "--problems=%d plants 8 problems %d times each: give --keys=%d or more.\n", $civicrm_standin_problems, $civicrm_standin_problems, 8 * $civicrm_standin_problems ) );
		exit( 2 );
	}
}

$_SERVER['HTTP_HOST'] = $_SERVER['HTTP_HOST'] ?? 'localhost';
define( 'WP_USE_THEMES', false );
require $civicrm_standin_wp . '/wp-load.php';

if ( ! function_exists( 'civicrm_initialize' ) || ! class_exists( 'CiviCRM_Standin\\Database' ) ) {
	fwrite( STDERR, "The CiviCRM stand-in plugin is not active in $civicrm_standin_wp\n" );
	exit( 1 );
}
if ( ! civicrm_initialize() ) {
	fwrite( STDERR, "civicrm_initialize() returned FALSE (stand-in mode not_installed?)\n" );
	exit( 1 );
}
if ( null !== $civicrm_standin_problems && ! class_exists( 'CiviKey\\Usage\\Key_Usage' ) ) {
	fwrite( STDERR, "--problems plants CiviKey's last-used rows and roles: activate CiviKey in $civicrm_standin_wp\n" );
	exit( 1 );
}

const CIVICRM_STANDIN_SEED_SOURCE = 'civicrm-standin seed';
const CIVICRM_STANDIN_SEED_LOGIN  = 'standin-seed-';
// Remembers a client role this script created, so that --clean removes only that.
const CIVICRM_STANDIN_SEED_ROLE_OPTION = 'civicrm_standin_seed_role';

/**
 * What --problems plants, in the order it reports them: CiviKey's problem
 * codes (includes/inventory/class-inventory.php).
 */
const CIVICRM_STANDIN_SEED_PROBLEMS = array( 'short', 'characters', 'duplicate', 'no_user', 'administrator', 'deleted_contact', 'missing_user', 'stale' );

/**
 * Seeds the stand-in's tables.
 *
 * @param int      $count    Contacts.
 * @param int      $keys     Contacts with keys.
 * @param int      $every    Every n-th contact gets an email; 0 for none.
 * @param bool     $truncate Empty the tables first.
 * @param int|null $problems Contacts with each problem, or null for none.
 * @param bool     $json     Report as JSON.
 */
function civicrm_standin_seed( int $count, int $keys, int $every, bool $truncate, ?int $problems, bool $json ): void {
	$db      = CiviCRM_Standin\Database::instance();
	$started = microtime( true );
	if ( $truncate ) {
		civicrm_standin_remove_seeded_users( $db );
		CiviCRM_Standin\Schema::truncate_all();
		// Last uses point at contact IDs that are gone (and will be reused).
		if ( class_exists( 'CiviKey\\Usage\\Key_Usage' ) ) {
			$db->raw( 'DELETE FROM `' . CiviKey\Usage\Key_Usage::table() . '`' );
		}
	}
	$first_names = array( 'Ada', 'Alan', 'Barbara', 'Charles', 'Donald', 'Edsger', 'Frances', 'Grace', 'Hedy', 'Ivan', 'Jean', 'Ken', 'Linus', 'Margaret', 'Niklaus', 'Radia', 'Sophie', 'Tim', 'Vint', 'Yukihiro' );
	$last_names  = array( 'Lovelace', 'Turing', 'Liskov', 'Babbage', 'Knuth', 'Dijkstra', 'Allen', 'Hopper', 'Lamarr', 'Sutherland', 'Bartik', 'Thompson', 'Torvalds', 'Hamilton', 'Wirth', 'Perlman', 'Wilson', 'Berners-Lee', 'Cerf', 'Matsumoto' );

	$first_id = (int) $db->fetch_value( 'SELECT COALESCE(MAX(id), 0) FROM civicrm_contact' ) + 1;
	// Which new contacts get keys: a random sample; with --problems, which problem each has.
	$keyed = $keys ? (array) array_rand( range( 0, $count - 1 ), $keys ) : array();
	$plan  = null === $problems ? civicrm_standin_plain_keys( $keyed ) : civicrm_standin_problem_plan( $keyed, $problems );

	$batch = 1000;
	$db->raw( 'START TRANSACTION' );
	for ( $offset = 0; $offset < $count; $offset += $batch ) {
		$size           = min( $batch, $count - $offset );
		$contact_rows   = array();
		$contact_params = array();
		$email_rows     = array();
		$email_params   = array();
		for ( $i = $offset; $i < $offset + $size; $i++ ) {
			$id             = $first_id + $i;
			$first          = $first_names[ $i % count( $first_names ) ];
			$last           = $last_names[ intdiv( $i, count( $first_names ) ) % count( $last_names ) ] . ' ' . $id;
			$problem        = $plan[ $i ]['problem'] ?? '';
			$contact_rows[] = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW())';
			array_push(
				$contact_params,
				$id,
				'Individual',
				$first,
				$last,
				$first . ' ' . $last,
				$last . ', ' . $first,
				bin2hex( random_bytes( 16 ) ),
				$plan[ $i ]['key'] ?? null,
				'deleted_contact' === $problem ? 1 : 0,
				CIVICRM_STANDIN_SEED_SOURCE
			);
			if ( $every && 0 === $i % $every ) {
				$email_rows[] = '(?, 1, ?, 1)';
				array_push( $email_params, $id, strtolower( $first . '.' . preg_replace( '/[^a-z0-9]+/i', '', $last ) . '@example.org' ) );
			}
		}
		$db->execute(
			'INSERT INTO civicrm_contact (id, contact_type, first_name, last_name, display_name, sort_name, hash, api_key, is_deleted, source, created_date) VALUES ' . implode( ', ', $contact_rows ),
			$contact_params
		);
		if ( $email_rows ) {
			$db->execute( 'INSERT INTO civicrm_email (contact_id, location_type_id, email, is_primary) VALUES ' . implode( ', ', $email_rows ), $email_params );
		}
	}
	$report = null === $problems ? null : civicrm_standin_plant( $db, $plan, $first_id, $count, $problems );
	$db->raw( 'COMMIT' );
	$seconds = microtime( true ) - $started;
	if ( null !== $report && $json ) {
		$report['seconds'] = round( $seconds, 2 );
		echo wp_json_encode( $report ), "\n";
		return;
	}
	printf(
		"Seeded %d contacts (ids %d-%d), %d with API keys, %s in %.1f s.\n",
		$count,
		$first_id,
		$first_id + $count - 1,
		$keys,
		$every ? "1 in $every with an email" : 'none with an email',
		$seconds
	);
	if ( null !== $report ) {
		civicrm_standin_print_report( $report );
	}
}

/**
 * Random 32-character keys for the keyed contacts.
 *
 * @param array<int, int> $keyed Indexes of the new contacts that get a key.
 * @return array<int, array{key: string}> By index.
 */
function civicrm_standin_plain_keys( array $keyed ): array {
	$plan = array();
	foreach ( $keyed as $index ) {
		$plan[ $index ] = array( 'key' => CiviCRM_Standin\Site_Key::random_alphanumeric( 32 ) );
	}
	return $plan;
}

/**
 * Which problem each keyed contact gets, spread at random, and its key.
 *
 * @param array<int, int> $keyed    Indexes of the new contacts that get a key.
 * @param int             $problems Contacts with each problem.
 * @return array<int, array{key: string, problem: string}> By index; problem '' for none.
 */
function civicrm_standin_problem_plan( array $keyed, int $problems ): array {
	$kinds = array_fill( 0, count( $keyed ) - 8 * $problems, '' );
	foreach ( CIVICRM_STANDIN_SEED_PROBLEMS as $problem ) {
		$kinds = array_merge( $kinds, array_fill( 0, $problems, $problem ) );
	}
	shuffle( $kinds );
	$plan       = array();
	$duplicates = array();
	foreach ( array_values( $keyed ) as $n => $index ) {
		$problem = $kinds[ $n ];
		if ( 'short' === $problem ) {
			$key = CiviCRM_Standin\Site_Key::random_alphanumeric( random_int( 8, 19 ) );
		} elseif ( 'characters' === $problem ) {
			// What CiviCRM keeps of a 43-character base64 key: 29 characters and "...".
			$key = substr( base64_encode( random_bytes( 32 ) ), 0, 29 ) . '...'; // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- the kind of key the guides produce.
		} else {
			$key = CiviCRM_Standin\Site_Key::random_alphanumeric( 32 );
		}
		if ( 'duplicate' === $problem ) {
			$duplicates[] = $index;
		}
		$plan[ $index ] = array(
			'key'     => $key,
			'problem' => $problem,
		);
	}
	// Pairs share a key (the last group is three when the count is odd);
	// every other pair differs in letter case, which AuthX's lookup ignores.
	$groups = array_chunk( $duplicates, 2 );
	if ( count( $groups ) > 1 && 1 === count( end( $groups ) ) ) {
		$odd                              = array_pop( $groups );
		$groups[ count( $groups ) - 1 ][] = $odd[0];
	}
	foreach ( $groups as $n => $group ) {
		$key = $plan[ $group[0] ]['key'];
		foreach ( array_slice( $group, 1 ) as $index ) {
			$plan[ $index ]['key'] = 1 === $n % 2 ? strtoupper( $key ) : $key;
		}
	}
	return $plan;
}

/**
 * Plants the users, links and last uses that give each keyed contact its
 * problem (or none), inside the caller's transaction.
 *
 * @param CiviCRM_Standin\Database                        $db       Connection.
 * @param array<int, array{key: string, problem: string}> $plan     By index.
 * @param int                                             $first_id First new contact ID.
 * @param int                                             $count    New contacts.
 * @param int                                             $problems Contacts with each problem.
 * @return array<string, mixed> What was planted.
 */
function civicrm_standin_plant( CiviCRM_Standin\Database $db, array $plan, int $first_id, int $count, int $problems ): array {
	global $wpdb;
	$stale_days = CiviKey\Usage\Key_Usage::stale_days();
	$role       = civicrm_standin_client_role();
	$now        = time();
	$planted    = array_fill_keys( array_merge( CIVICRM_STANDIN_SEED_PROBLEMS, array( 'none' ) ), array() );
	$users      = array();
	foreach ( $plan as $index => $entry ) {
		$contact_id = $first_id + $index;
		$planted[ '' === $entry['problem'] ? 'none' : $entry['problem'] ][] = $contact_id;
		if ( 'no_user' !== $entry['problem'] && 'missing_user' !== $entry['problem'] ) {
			$users[ $contact_id ] = 'administrator' === $entry['problem'] ? 'administrator' : $role;
		}
	}
	$user_ids = civicrm_standin_insert_users( $db, $users );

	// Links: each user to its contact, and links to users that never existed.
	$links   = array();
	$missing = (int) $db->fetch_value( "SELECT COALESCE(MAX(ID), 0) FROM `{$wpdb->users}`" ) + 1000000;
	foreach ( $user_ids as $contact_id => $user_id ) {
		$links[] = array( $user_id, CIVICRM_STANDIN_SEED_LOGIN . $contact_id . '@example.org', $contact_id );
	}
	foreach ( $planted['missing_user'] as $contact_id ) {
		$links[] = array( ++$missing, CIVICRM_STANDIN_SEED_LOGIN . 'gone-' . $contact_id . '@example.org', $contact_id );
	}
	foreach ( array_chunk( $links, 1000 ) as $chunk ) {
		$db->execute(
			'INSERT INTO civicrm_uf_match (domain_id, uf_id, uf_name, contact_id) VALUES ' . implode( ', ', array_fill( 0, count( $chunk ), '(' . CiviCRM_Standin\Session::DOMAIN_ID . ', ?, ?, ?)' ) ),
			array_merge( ...$chunk )
		);
	}

	// Last uses: every stale key long ago; every other key of the rest lately
	// (a key is stale once unused for $stale_days days); and a few contacts
	// whose key has gone since, which no order by last use may list.
	$uses   = array();
	$recent = 0;
	foreach ( $planted as $problem => $contact_ids ) {
		foreach ( $contact_ids as $n => $contact_id ) {
			if ( 'stale' === $problem ) {
				$uses[ $contact_id ] = $now - ( $stale_days + 1 ) * DAY_IN_SECONDS - random_int( 0, 365 * DAY_IN_SECONDS );
			} elseif ( 0 === $n % 2 ) {
				$uses[ $contact_id ] = $now - random_int( 60, ( $stale_days - 1 ) * DAY_IN_SECONDS );
				++$recent;
			}
		}
	}
	$without_key = array_slice( array_diff( range( 0, $count - 1 ), array_keys( $plan ) ), 0, $problems );
	foreach ( $without_key as $n => $index ) {
		$without_key[ $n ]          = $first_id + $index;
		$uses[ $first_id + $index ] = $now - random_int( 60, ( $stale_days - 1 ) * DAY_IN_SECONDS );
	}
	$rows = array();
	foreach ( $uses as $contact_id => $time ) {
		$rows[] = array( $contact_id, gmdate( 'Y-m-d H:i:s', $time ), '192.0.2.' . ( $contact_id % 250 + 1 ) );
	}
	foreach ( array_chunk( $rows, 1000 ) as $chunk ) {
		$db->execute(
			'INSERT INTO `' . CiviKey\Usage\Key_Usage::table() . '` (contact_id, last_used_at, ip) VALUES ' . implode( ', ', array_fill( 0, count( $chunk ), '(?, ?, ?)' ) )
			. ' ON DUPLICATE KEY UPDATE last_used_at = VALUES(last_used_at), ip = VALUES(ip)',
			array_merge( ...$chunk )
		);
	}

	$counts = array();
	foreach ( $planted as $problem => $contact_ids ) {
		$counts[ $problem ] = count( $contact_ids );
	}
	$counts['any'] = count( $plan ) - $counts['none'];
	return array(
		'contacts'         => array(
			'first_id' => $first_id,
			'last_id'  => $first_id + $count - 1,
		),
		'keyed'            => count( $plan ),
		'stale_days'       => $stale_days,
		'role'             => $role,
		'counts'           => $counts,
		'users'            => count( $user_ids ),
		'administrators'   => $counts['administrator'],
		'used_recently'    => $recent,
		'used_without_key' => $without_key,
		'planted'          => $planted,
	);
}

/**
 * CiviKey's client role for "Read contacts", made the way CiviKey makes it.
 *
 * @return string Role name.
 */
function civicrm_standin_client_role(): string {
	$role = ( new CiviKey\Permissions\Role_Manager() )->ensure_role( (array) CiviKey\Permissions\Profiles::permissions( 'read_contacts' ), 'Read contacts' );
	if ( is_wp_error( $role ) ) {
		fwrite( STDERR, 'Could not make the client role: ' . $role->get_error_message() . "\n" );
		exit( 1 );
	}
	if ( $role['created'] ) {
		update_option( CIVICRM_STANDIN_SEED_ROLE_OPTION, $role['role'], false );
	}
	return $role['role'];
}

/**
 * Adds WordPress users in bulk, one per contact.
 *
 * @param CiviCRM_Standin\Database $db    Connection.
 * @param array<int, string>       $roles Role by contact ID.
 * @return array<int, int> User ID by contact ID.
 */
function civicrm_standin_insert_users( CiviCRM_Standin\Database $db, array $roles ): array {
	global $wpdb;
	if ( ! $roles ) {
		return array();
	}
	// One hash of a password nobody keeps: hashing 10,000 would take minutes.
	$hash       = wp_hash_password( wp_generate_password( 32 ) );
	$registered = gmdate( 'Y-m-d H:i:s' );
	foreach ( array_chunk( array_keys( $roles ), 1000 ) as $chunk ) {
		$params = array();
		foreach ( $chunk as $contact_id ) {
			$login = CIVICRM_STANDIN_SEED_LOGIN . $contact_id;
			array_push( $params, $login, $hash, $login, $login . '@example.org', $registered, 'Seeded user ' . $contact_id );
		}
		$db->execute(
			"INSERT INTO `{$wpdb->users}` (user_login, user_pass, user_nicename, user_email, user_registered, display_name) VALUES " . implode( ', ', array_fill( 0, count( $chunk ), '(?, ?, ?, ?, ?, ?)' ) ),
			$params
		);
	}
	$user_ids = array();
	foreach ( $db->fetch_all( "SELECT ID, user_login FROM `{$wpdb->users}` WHERE user_login LIKE ?", array( CIVICRM_STANDIN_SEED_LOGIN . '%' ) ) as $row ) {
		$contact_id = (int) substr( (string) $row['user_login'], strlen( CIVICRM_STANDIN_SEED_LOGIN ) );
		if ( isset( $roles[ $contact_id ] ) ) {
			$user_ids[ $contact_id ] = (int) $row['ID'];
		}
	}
	$prefix = $wpdb->get_blog_prefix();
	foreach ( array_chunk( $user_ids, 1000, true ) as $chunk ) {
		$params = array();
		foreach ( $chunk as $contact_id => $user_id ) {
			$admin = 'administrator' === $roles[ $contact_id ];
			array_push( $params, $user_id, $prefix . 'capabilities', serialize( array( $roles[ $contact_id ] => true ) ), $user_id, $prefix . 'user_level', $admin ? '10' : '0' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize -- how WordPress stores roles.
		}
		$db->execute(
			"INSERT INTO `{$wpdb->usermeta}` (user_id, meta_key, meta_value) VALUES " . implode( ', ', array_fill( 0, 2 * count( $chunk ), '(?, ?, ?)' ) ),
			$params
		);
	}
	return $user_ids;
}

/**
 * Deletes the users an earlier --problems run made.
 *
 * @param CiviCRM_Standin\Database $db Connection.
 * @return int Users deleted.
 */
function civicrm_standin_remove_seeded_users( CiviCRM_Standin\Database $db ): int {
	global $wpdb;
	$like = CIVICRM_STANDIN_SEED_LOGIN . '%';
	$db->execute( "DELETE m FROM `{$wpdb->usermeta}` m JOIN `{$wpdb->users}` u ON u.ID = m.user_id WHERE u.user_login LIKE ?", array( $like ) );
	$deleted = $db->execute( "DELETE FROM `{$wpdb->users}` WHERE user_login LIKE ?", array( $like ) );
	wp_cache_flush();
	return $deleted;
}

/**
 * Removes everything this script planted, and nothing else.
 */
function civicrm_standin_clean(): void {
	$db = CiviCRM_Standin\Database::instance();
	$db->raw( 'START TRANSACTION' );
	if ( class_exists( 'CiviKey\\Usage\\Key_Usage' ) ) {
		$db->execute(
			'DELETE u FROM `' . CiviKey\Usage\Key_Usage::table() . '` u JOIN civicrm_contact c ON c.id = u.contact_id WHERE c.source = ?',
			array( CIVICRM_STANDIN_SEED_SOURCE )
		);
	}
	$db->execute( 'DELETE m FROM civicrm_uf_match m JOIN civicrm_contact c ON c.id = m.contact_id WHERE c.source = ?', array( CIVICRM_STANDIN_SEED_SOURCE ) );
	$contacts = $db->execute( 'DELETE FROM civicrm_contact WHERE source = ?', array( CIVICRM_STANDIN_SEED_SOURCE ) );
	$users    = civicrm_standin_remove_seeded_users( $db );
	$db->raw( 'COMMIT' );
	$role = (string) get_option( CIVICRM_STANDIN_SEED_ROLE_OPTION, '' );
	if ( '' !== $role && ! get_users(
		array(
			'role'   => $role,
			'number' => 1,
			'fields' => 'ID',
		)
	) ) {
		remove_role( $role );
		delete_option( CIVICRM_STANDIN_SEED_ROLE_OPTION );
	}
	printf( "Removed %d seeded contacts and %d seeded users%s.\n", $contacts, $users, '' !== $role ? ", and the role $role" : '' );
}

/**
 * Prints what --problems planted.
 *
 * @param array<string, mixed> $report What civicrm_standin_plant() returned.
 */
function civicrm_standin_print_report( array $report ): void {
	printf( "Planted among %d keyed contacts (a key is stale after %d days unused):\n", $report['keyed'], $report['stale_days'] );
	foreach ( CIVICRM_STANDIN_SEED_PROBLEMS as $problem ) {
		printf( "  %-16s %6d\n", $problem, $report['counts'][ $problem ] );
	}
	printf( "  %-16s %6d\n", 'any problem', $report['counts']['any'] );
	printf( "  %-16s %6d  (a user with role %s)\n", 'no problem', $report['counts']['none'], $report['role'] );
	printf(
		"WordPress users: %d (%d administrators). Last uses: %d recent, %d stale, %d on contacts without a key.\n",
		$report['users'],
		$report['administrators'],
		$report['used_recently'],
		$report['counts']['stale'],
		count( $report['used_without_key'] )
	);
}

if ( isset( $civicrm_standin_options['clean'] ) ) {
	civicrm_standin_clean();
	exit( 0 );
}
civicrm_standin_seed( $civicrm_standin_contacts, $civicrm_standin_keys, $civicrm_standin_emails, isset( $civicrm_standin_options['truncate'] ), $civicrm_standin_problems, isset( $civicrm_standin_options['json'] ) );
