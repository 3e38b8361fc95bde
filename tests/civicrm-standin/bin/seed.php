<?php
/**
 * Bulk-loads contacts into the CiviCRM stand-in (TEST DOUBLE; dev/test only).
 *
 * Usage:
 *   php tests/civicrm-standin/bin/seed.php --wp=<WordPress dir> --contacts=100000 [--keys=N] [--emails=every-nth] [--truncate]
 *
 *   --contacts  Individuals to add (default 1000).
 *   --keys      How many of them get a random 32-character alphanumeric API key (default 0).
 *   --emails    Every n-th contact gets a primary email (default 2; 0 for none).
 *   --truncate  Empty the stand-in's tables first.
 *
 * Rows go in with multi-row INSERTs through the stand-in's own connection,
 * with explicit ids so emails can point at their contacts. Display and sort
 * names follow the same rules as Contact.create.
 *
 * @package CiviCRM_Standin
 */

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.Security.EscapeOutput.OutputNotEscaped, WordPress.Security.ValidatedSanitizedInput -- a command-line tool.

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

$civicrm_standin_options = getopt( '', array( 'wp:', 'contacts::', 'keys::', 'emails::', 'truncate', 'help' ) );
if ( isset( $civicrm_standin_options['help'] ) || empty( $civicrm_standin_options['wp'] ) ) {
	fwrite( STDERR, "Usage: php seed.php --wp=<WordPress dir> [--contacts=1000] [--keys=0] [--emails=2] [--truncate]\n" );
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

/**
 * Seeds the stand-in's tables.
 *
 * @param int  $count    Contacts.
 * @param int  $keys     Contacts with keys.
 * @param int  $every    Every n-th contact gets an email; 0 for none.
 * @param bool $truncate Empty the tables first.
 */
function civicrm_standin_seed( int $count, int $keys, int $every, bool $truncate ): void {
	$db      = CiviCRM_Standin\Database::instance();
	$started = microtime( true );
	if ( $truncate ) {
		CiviCRM_Standin\Schema::truncate_all();
	}
	$first_names = array( 'Ada', 'Alan', 'Barbara', 'Charles', 'Donald', 'Edsger', 'Frances', 'Grace', 'Hedy', 'Ivan', 'Jean', 'Ken', 'Linus', 'Margaret', 'Niklaus', 'Radia', 'Sophie', 'Tim', 'Vint', 'Yukihiro' );
	$last_names  = array( 'Lovelace', 'Turing', 'Liskov', 'Babbage', 'Knuth', 'Dijkstra', 'Allen', 'Hopper', 'Lamarr', 'Sutherland', 'Bartik', 'Thompson', 'Torvalds', 'Hamilton', 'Wirth', 'Perlman', 'Wilson', 'Berners-Lee', 'Cerf', 'Matsumoto' );

	$first_id = (int) $db->fetch_value( 'SELECT COALESCE(MAX(id), 0) FROM civicrm_contact' ) + 1;
	// Which new contacts get keys: a random sample.
	$keyed = $keys ? array_flip( (array) array_rand( range( 0, $count - 1 ), $keys ) ) : array();

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
			$contact_rows[] = '(?, ?, ?, ?, ?, ?, ?, ?, ?, NOW())';
			array_push(
				$contact_params,
				$id,
				'Individual',
				$first,
				$last,
				$first . ' ' . $last,
				$last . ', ' . $first,
				bin2hex( random_bytes( 16 ) ),
				isset( $keyed[ $i ] ) ? CiviCRM_Standin\Site_Key::random_alphanumeric( 32 ) : null,
				'civicrm-standin seed'
			);
			if ( $every && 0 === $i % $every ) {
				$email_rows[] = '(?, 1, ?, 1)';
				array_push( $email_params, $id, strtolower( $first . '.' . preg_replace( '/[^a-z0-9]+/i', '', $last ) . '@example.org' ) );
			}
		}
		$db->execute(
			'INSERT INTO civicrm_contact (id, contact_type, first_name, last_name, display_name, sort_name, hash, api_key, source, created_date) VALUES ' . implode( ', ', $contact_rows ),
			$contact_params
		);
		if ( $email_rows ) {
			$db->execute( 'INSERT INTO civicrm_email (contact_id, location_type_id, email, is_primary) VALUES ' . implode( ', ', $email_rows ), $email_params );
		}
	}
	$db->raw( 'COMMIT' );
	printf(
		"Seeded %d contacts (ids %d-%d), %d with API keys, %s in %.1f s.\n",
		$count,
		$first_id,
		$first_id + $count - 1,
		$keys,
		$every ? "1 in $every with an email" : 'none with an email',
		microtime( true ) - $started
	);
}

civicrm_standin_seed( $civicrm_standin_contacts, $civicrm_standin_keys, $civicrm_standin_emails, isset( $civicrm_standin_options['truncate'] ) );
