<?php
/**
 * GET /civikey/v1/site-health
 *
 * @package CiviKey
 */

namespace CiviKey\REST;

use CiviKey\Admin\Site_Health;
use WP_REST_Controller;
use WP_REST_Response;
use WP_REST_Server;

/**
 * The asynchronous Site Health test.
 */
class Site_Health_Controller extends WP_REST_Controller {

	/**
	 * Site Health test.
	 *
	 * @var Site_Health
	 */
	private $health;

	/**
	 * Constructor.
	 *
	 * @param Site_Health $health Site Health test.
	 */
	public function __construct( Site_Health $health ) {
		$this->namespace = Routes::REST_NAMESPACE;
		$this->health    = $health;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/site-health',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_item' ),
				// Site Health itself needs view_site_health_checks; keys need ours.
				'permission_callback' => array( Routes::class, 'check_manage_capability' ),
			)
		);
	}

	/**
	 * The result.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ): WP_REST_Response {
		return rest_ensure_response( $this->health->result() );
	}
}
