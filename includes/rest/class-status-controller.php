<?php
/**
 * GET /civikey/v1/status
 *
 * @package CiviKey
 */

namespace CiviKey\REST;

use CiviKey\System_Status;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Reports whether CiviCRM and AuthX are ready and whether the current user
 * may manage keys: the first thing the admin screen shows.
 */
class Status_Controller extends WP_REST_Controller {

	/**
	 * Status service.
	 *
	 * @var System_Status
	 */
	private $status;

	/**
	 * Constructor.
	 *
	 * @param System_Status $status Status service.
	 */
	public function __construct( System_Status $status ) {
		$this->namespace = Routes::REST_NAMESPACE;
		$this->rest_base = 'status';
		$this->status    = $status;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(
						'context' => $this->get_context_param( array( 'default' => 'view' ) ),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Only people who may open the CiviKey screen may read its status.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		return Routes::check_manage_capability();
	}

	/**
	 * Returns the status.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		$data = $this->status->for_current_user();
		return rest_ensure_response( $this->filter_response_by_context( $data, (string) $request['context'] ) );
	}

	/**
	 * Schema of the status.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}
		$message      = array(
			'description' => __( 'A sentence telling the admin what to do; empty when there is nothing to do.', 'civikey' ),
			'type'        => 'string',
			'context'     => array( 'view' ),
			'readonly'    => true,
		);
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'civikey-status',
			'type'       => 'object',
			'properties' => array(
				'civicrm' => array(
					'description' => __( 'Whether CiviCRM is present, installed and started.', 'civikey' ),
					'type'        => 'object',
					'context'     => array( 'view' ),
					'readonly'    => true,
					'properties'  => array(
						'state'   => array(
							'type' => 'string',
							'enum' => array( 'ready', 'missing', 'not_installed', 'unavailable' ),
						),
						'version' => array( 'type' => array( 'string', 'null' ) ),
						'message' => $message,
					),
				),
				'authx'   => array(
					'description' => __( 'Whether CiviCRM\'s AuthX extension, which lets API keys authenticate, is enabled.', 'civikey' ),
					'type'        => 'object',
					'context'     => array( 'view' ),
					'readonly'    => true,
					'properties'  => array(
						'state'   => array(
							'type' => 'string',
							'enum' => array( 'enabled', 'disabled', 'not_installed', 'unknown' ),
						),
						'message' => $message,
					),
				),
				'access'  => array(
					'description' => __( 'Whether the current user may manage API keys.', 'civikey' ),
					'type'        => 'object',
					'context'     => array( 'view' ),
					'readonly'    => true,
					'properties'  => array(
						'can_manage_keys'   => array( 'type' => 'boolean' ),
						'capability'        => array( 'type' => 'string' ),
						'has_capability'    => array( 'type' => 'boolean' ),
						'can_edit_api_keys' => array( 'type' => array( 'boolean', 'null' ) ),
						'message'           => $message,
					),
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}
}
