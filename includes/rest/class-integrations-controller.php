<?php
/**
 * /civikey/v1/integrations
 *
 * @package CiviKey
 */

namespace CiviKey\REST;

use CiviKey\Integrations\Integration_Planner;
use CiviKey\Integrations\Integration_Setup;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET  /integrations/plan  what connecting an integration would create
 * POST /integrations       create it all: contact, user, role, key
 *
 * Validates and delegates; the planner and the setup do the work.
 */
class Integrations_Controller {

	/**
	 * Planner.
	 *
	 * @var Integration_Planner
	 */
	private $planner;

	/**
	 * Setup.
	 *
	 * @var Integration_Setup
	 */
	private $setup;

	/**
	 * Constructor.
	 *
	 * @param Integration_Planner $planner Planner.
	 * @param Integration_Setup   $setup   Setup.
	 */
	public function __construct( Integration_Planner $planner, Integration_Setup $setup ) {
		$this->planner = $planner;
		$this->setup   = $setup;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$permission = array( Routes::class, 'check_manage_capability' );
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/integrations/plan',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_plan' ),
				'permission_callback' => $permission,
				'args'                => array_merge( array( 'name' => self::name_arg() ), Routes::requirement_args() ),
			)
		);
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/integrations',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'create_item' ),
				'permission_callback' => $permission,
				'args'                => array_merge(
					array(
						'name' => self::name_arg(),
						'key'  => array(
							'description' => __( 'The new key, generated in the browser. Send it in the JSON body.', 'civikey' ),
							'type'        => 'string',
							'required'    => true,
							'maxLength'   => 256,
						),
					),
					Routes::requirement_args()
				),
			)
		);
	}

	/**
	 * The plan.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_plan( $request ) {
		$plan = $this->planner->plan( (string) $request['name'], (string) $request['profile'], (array) $request['permissions'] );
		if ( is_wp_error( $plan ) ) {
			return $plan;
		}
		unset( $plan['required'] );
		return rest_ensure_response( $plan );
	}

	/**
	 * Connects the integration.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$in_url = Routes::key_in_url_error( $request );
		if ( $in_url ) {
			return $in_url;
		}
		$result = $this->setup->run( (string) $request['name'], (string) $request['profile'], (array) $request['permissions'], $request['key'] );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$response = Routes::no_store( rest_ensure_response( $result ) );
		$response->set_status( 201 );
		$response->header( 'Location', rest_url( Routes::REST_NAMESPACE . '/contacts/' . $result['contact']['id'] ) );
		return $response;
	}

	/**
	 * The integration's name.
	 *
	 * @return array<string, mixed>
	 */
	private static function name_arg(): array {
		return array(
			'description'       => __( 'What the integration is called, e.g. Zapier. The contact, user and role are named after it.', 'civikey' ),
			'type'              => 'string',
			'required'          => true,
			'minLength'         => 1,
			'maxLength'         => 64,
			'validate_callback' => 'rest_validate_request_arg',
			'sanitize_callback' => 'sanitize_text_field',
		);
	}
}
