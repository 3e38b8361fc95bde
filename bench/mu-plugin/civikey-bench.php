<?php
/**
 * Plugin Name: CiviKey bench probes
 * Description: BENCH ONLY. bin/bench.sh copies this file into the local stack's wp-content/mu-plugins for the length of `npm run bench` and removes it afterwards. It is not part of CiviKey and never goes into the plugin zip.
 *
 * Two probes:
 * - GET /wp-json/civikey-bench/v1/floor: boots WordPress, authenticates the
 *   request like any REST route, calls civicrm_initialize() and answers. What
 *   a CiviKey route costs above this is CiviKey's own work (and CiviCRM's for
 *   it).
 * - Every REST response gets headers with the database queries the request
 *   ran: WordPress's ($wpdb->num_queries) and, with the stand-in, those on
 *   CiviCRM's own connection. Real CiviCRM's connection is not counted
 *   ("unknown").
 *
 * @package CiviKey\Bench
 */

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals -- prefixed civikey_bench, which the ruleset's list does not know.

add_action(
	'rest_api_init',
	static function () {
		register_rest_route(
			'civikey-bench/v1',
			'/floor',
			array(
				'methods'             => 'GET',
				'callback'            => 'civikey_bench_floor',
				// The same check CiviKey's routes make (manage_options by
				// default), so both pay for the same authentication.
				'permission_callback' => static function () {
					return current_user_can( 'manage_options' );
				},
				'args'                => array(
					// Accepted and ignored: the bench sends the same search
					// terms to every route, so URLs differ alike.
					'search' => array(
						'type'    => 'string',
						'default' => '',
					),
				),
			)
		);
	}
);

/**
 * The floor: nothing but starting CiviCRM.
 *
 * @return WP_REST_Response
 */
function civikey_bench_floor() {
	$started = function_exists( 'civicrm_initialize' ) && civicrm_initialize();
	return rest_ensure_response( array( 'civicrm_initialized' => (bool) $started ) );
}

add_filter(
	'rest_post_dispatch',
	static function ( $response ) {
		global $wpdb;
		if ( ! $response instanceof WP_REST_Response ) {
			return $response;
		}
		$civicrm = 'unknown';
		if ( class_exists( 'CiviCRM_Standin\\Database' ) ) {
			// The stand-in logs every statement on its connection during the
			// request; taking the log at the end counts them all.
			$civicrm = (string) count( CiviCRM_Standin\Database::instance()->take_log() );
		}
		$response->header( 'X-CiviKey-Bench-WP-Queries', (string) $wpdb->num_queries );
		$response->header( 'X-CiviKey-Bench-CiviCRM-Queries', $civicrm );
		return $response;
	},
	PHP_INT_MAX
);
