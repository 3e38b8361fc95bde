<?php
/**
 * /civikey/v1/audit
 *
 * @package CiviKey
 */

namespace CiviKey\REST;

use CiviKey\Audit\Audit_Log;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * The audit trail, newest first, paged. (The CSV download is an admin-post
 * action: see Admin\Audit_Export.)
 */
class Audit_Controller extends WP_REST_Controller {

	/**
	 * Audit trail.
	 *
	 * @var Audit_Log
	 */
	private $audit;

	/**
	 * Constructor.
	 *
	 * @param Audit_Log $audit Audit trail.
	 */
	public function __construct( Audit_Log $audit ) {
		$this->namespace = Routes::REST_NAMESPACE;
		$this->audit     = $audit;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/audit',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_items' ),
				'permission_callback' => array( Routes::class, 'check_manage_capability' ),
				'args'                => array(
					'page'       => array(
						'type'    => 'integer',
						'default' => 1,
						'minimum' => 1,
					),
					'per_page'   => array(
						'type'    => 'integer',
						'default' => 50,
						'minimum' => 1,
						'maximum' => 200,
					),
					'contact_id' => array(
						'type'    => 'integer',
						'minimum' => 1,
					),
					'run'        => array(
						'description' => __( 'Only the entries of one setup run.', 'civikey' ),
						'type'        => 'string',
						'format'      => 'uuid',
					),
				),
			)
		);
	}

	/**
	 * A page of entries.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_items( $request ) {
		$per_page = (int) $request['per_page'];
		$found    = $this->audit->entries(
			array(
				'page'       => (int) $request['page'],
				'per_page'   => $per_page,
				'contact_id' => isset( $request['contact_id'] ) ? (int) $request['contact_id'] : null,
				'run'        => isset( $request['run'] ) ? (string) $request['run'] : null,
			)
		);
		return Routes::paged( $found['items'], $found['total'], $per_page );
	}
}
