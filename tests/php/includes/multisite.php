<?php
/**
 * The network the multisite suite runs on: the main site and a second site.
 *
 * @package CiviKey\Tests
 */

define( 'CIVIKEY_TESTS_SECOND_SITE_PATH', '/second/' );

/**
 * Adds the network's second site, with CiviKey's tables and the stand-in's
 * roles as using both plugins there would leave them. Done once, before any
 * test: creating tables ends MySQL's open transaction, which would defeat
 * the rollback of the test that did it.
 */
function civikey_tests_add_second_site(): void {
	if ( ! is_multisite() ) {
		fwrite( STDERR, "CIVIKEY_MULTISITE=1 was asked for, but WordPress did not load as a network.\n" );
		exit( 1 );
	}
	$site_id = wp_insert_site(
		array(
			'domain'  => WP_TESTS_DOMAIN,
			'path'    => CIVIKEY_TESTS_SECOND_SITE_PATH,
			'title'   => 'Second site',
			'user_id' => 1,
		)
	);
	if ( is_wp_error( $site_id ) ) {
		fwrite( STDERR, 'Adding the second site failed: ' . $site_id->get_error_message() . "\n" );
		exit( 1 );
	}
	switch_to_blog( $site_id );
	// CiviKey creates its tables on a site's first admin or REST request; here, before the tests.
	\CiviKey\Schema::install();
	\CiviCRM_Standin\Permissions::install_roles();
	restore_current_blog();
	fwrite( STDERR, sprintf( "Multisite: a network of %d sites (/ and %s), super admins: %s\n", count( get_sites( array( 'fields' => 'ids' ) ) ), CIVIKEY_TESTS_SECOND_SITE_PATH, implode( ', ', get_super_admins() ) ) );
}
