<?php
/**
 * /civikey/v1/contacts
 *
 * @package CiviKey
 */

namespace CiviKey\REST;

use CiviKey\CiviCRM\Contact_Directory;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Finding contacts and creating service contacts. Validates and delegates to
 * the contact directory; nothing here talks to CiviCRM directly.
 */
class Contacts_Controller extends WP_REST_Controller {

	/**
	 * Contact directory.
	 *
	 * @var Contact_Directory
	 */
	private $contacts;

	/**
	 * Constructor.
	 *
	 * @param Contact_Directory $contacts Contact directory.
	 */
	public function __construct( Contact_Directory $contacts ) {
		$this->namespace = Routes::REST_NAMESPACE;
		$this->rest_base = 'contacts';
		$this->contacts  = $contacts;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/contacts',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => $this->get_collection_params(),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => array(
						'contact_type' => array(
							'description' => __( 'Individual or Organization.', 'civikey' ),
							'type'        => 'string',
							'enum'        => array( 'Individual', 'Organization' ),
							'default'     => 'Organization',
						),
						'name'         => array(
							'description'       => __( 'Name of the service the contact stands for, e.g. Zapier.', 'civikey' ),
							'type'              => 'string',
							'required'          => true,
							'minLength'         => 1,
							'maxLength'         => 64,
							'validate_callback' => 'rest_validate_request_arg',
							'sanitize_callback' => 'sanitize_text_field',
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/contacts/(?P<id>[\d]+)',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(
						'id' => Routes::contact_id_arg(),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Same rule for every action.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		return Routes::check_manage_capability();
	}

	/**
	 * Same rule for every action.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		return Routes::check_manage_capability();
	}

	/**
	 * Same rule for every action.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function create_item_permissions_check( $request ) {
		return Routes::check_manage_capability();
	}

	/**
	 * A page of contacts matching the search.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$page     = (int) $request['page'];
		$per_page = (int) $request['per_page'];
		$found    = $this->contacts->search( (string) $request['search'], $page, $per_page );
		if ( is_wp_error( $found ) ) {
			return $found;
		}
		return Routes::paged( $found['items'], $found['total'], $per_page );
	}

	/**
	 * One contact.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$contact = $this->contacts->get( (int) $request['id'] );
		return is_wp_error( $contact ) ? $contact : rest_ensure_response( $contact );
	}

	/**
	 * Creates a service contact.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create_item( $request ) {
		$name = trim( (string) $request['name'] );
		if ( '' === $name ) {
			return new WP_Error(
				'civikey_contact_name',
				__( 'Give the service contact a name, such as the name of the service that will use the key.', 'civikey' ),
				array( 'status' => 422 )
			);
		}
		$contact = $this->contacts->create_service_contact( (string) $request['contact_type'], $name );
		if ( is_wp_error( $contact ) ) {
			return $contact;
		}
		$response = rest_ensure_response( $contact );
		$response->set_status( 201 );
		$response->header( 'Location', rest_url( Routes::REST_NAMESPACE . '/contacts/' . $contact['id'] ) );
		return $response;
	}

	/**
	 * Search and paging parameters.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		return array(
			'search'   => array(
				'description'       => __( 'Part of a name or email, or a contact ID.', 'civikey' ),
				'type'              => 'string',
				'default'           => '',
				'maxLength'         => 128,
				'validate_callback' => 'rest_validate_request_arg',
				'sanitize_callback' => 'sanitize_text_field',
			),
			'page'     => array(
				'description' => __( 'Page of results, from 1.', 'civikey' ),
				'type'        => 'integer',
				'default'     => 1,
				'minimum'     => 1,
				'maximum'     => 100000,
			),
			'per_page' => array(
				'description' => __( 'Contacts per page.', 'civikey' ),
				'type'        => 'integer',
				'default'     => 20,
				'minimum'     => 1,
				'maximum'     => 100,
			),
		);
	}

	/**
	 * A contact as CiviKey shows it: never the key, only its fingerprint.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( ! $this->schema ) {
			$this->schema = Contact_Schema::get();
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
