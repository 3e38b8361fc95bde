<?php
/**
 * /civikey/v1/contacts/{id}/key
 *
 * @package CiviKey
 */

namespace CiviKey\REST;

use CiviKey\Keys\Key_Service;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Setting, rotating and revoking a contact's key.
 *
 * The key arrives in the JSON body only, never in the URL (where it would
 * land in server logs and browser history), and no response contains it: the
 * browser that generated it already has it to show once.
 */
class Contact_Key_Controller extends WP_REST_Controller {

	/**
	 * Key service.
	 *
	 * @var Key_Service
	 */
	private $keys;

	/**
	 * Constructor.
	 *
	 * @param Key_Service $keys Key service.
	 */
	public function __construct( Key_Service $keys ) {
		$this->namespace = Routes::REST_NAMESPACE;
		$this->rest_base = 'contacts/(?P<id>[\d]+)/key';
		$this->keys      = $keys;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/contacts/(?P<id>[\d]+)/key',
			array(
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => array(
						'id'      => Routes::contact_id_arg(),
						'key'     => array(
							'description' => __( 'The new key: 20 to 32 letters and digits. Send it in the JSON body.', 'civikey' ),
							'type'        => 'string',
							'required'    => true,
						),
						'replace' => array(
							'description' => __( 'Confirms replacing the contact\'s existing key.', 'civikey' ),
							'type'        => 'boolean',
							'default'     => false,
						),
					),
				),
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'delete_item_permissions_check' ),
					'args'                => array(
						'id' => Routes::contact_id_arg(),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * WordPress side of the rule; CiviCRM's side is applied by CiviCRM.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function update_item_permissions_check( $request ) {
		return Routes::check_manage_capability();
	}

	/**
	 * WordPress side of the rule; CiviCRM's side is applied by CiviCRM.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function delete_item_permissions_check( $request ) {
		return Routes::check_manage_capability();
	}

	/**
	 * Sets or replaces the key.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$in_url = Routes::key_in_url_error( $request );
		if ( $in_url ) {
			return $in_url;
		}
		$body = $request->get_json_params();
		$key  = is_array( $body ) && array_key_exists( 'key', $body ) ? $body['key'] : $request->get_body_params()['key'] ?? null;
		return $this->respond( $this->keys->set_key( (int) $request['id'], $key, (bool) $request['replace'] ) );
	}

	/**
	 * Revokes the key.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function delete_item( $request ) {
		return $this->respond( $this->keys->revoke( (int) $request['id'] ) );
	}

	/**
	 * What was done and the contact as it now is.
	 *
	 * @param array{action: string, contact: array<string, mixed>}|WP_Error $outcome Key service outcome.
	 * @return WP_REST_Response|WP_Error
	 */
	private function respond( $outcome ) {
		if ( is_wp_error( $outcome ) ) {
			return $outcome;
		}
		return Routes::no_store( rest_ensure_response( $outcome ) );
	}

	/**
	 * The outcome of a key change.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( ! $this->schema ) {
			$this->schema = array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'civikey-key-change',
				'type'       => 'object',
				'properties' => array(
					'action'  => array(
						'type'     => 'string',
						'enum'     => array( Key_Service::ACTION_SET, Key_Service::ACTION_ROTATE, Key_Service::ACTION_REVOKE ),
						'readonly' => true,
					),
					'contact' => Contact_Schema::get(),
				),
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
