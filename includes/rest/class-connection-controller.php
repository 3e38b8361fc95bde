<?php
/**
 * GET /civikey/v1/connection
 *
 * @package CiviKey
 */

namespace CiviKey\REST;

use CiviKey\CiviCRM\Authx_Settings;
use CiviKey\CiviCRM\Availability;
use CiviKey\CiviCRM\Gateway;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * What a client needs to call this site's CiviCRM REST API with a key: the
 * URLs (built by CiviCRM itself) and whether AuthX wants the site key too.
 */
class Connection_Controller extends WP_REST_Controller {

	/**
	 * CiviCRM gateway.
	 *
	 * @var Gateway
	 */
	private $gateway;

	/**
	 * AuthX settings.
	 *
	 * @var Authx_Settings
	 */
	private $authx;

	/**
	 * Constructor.
	 *
	 * @param Gateway        $gateway CiviCRM gateway.
	 * @param Authx_Settings $authx   AuthX settings.
	 */
	public function __construct( Gateway $gateway, Authx_Settings $authx ) {
		$this->namespace = Routes::REST_NAMESPACE;
		$this->rest_base = 'connection';
		$this->gateway   = $gateway;
		$this->authx     = $authx;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/connection',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * WordPress side of the rule.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		return Routes::check_manage_capability();
	}

	/**
	 * The connection details.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$availability = $this->gateway->availability();
		if ( Availability::READY !== $availability ) {
			return Availability::error( $availability );
		}
		$settings = $this->authx->read();
		$guards   = is_wp_error( $settings ) ? null : $settings['guards'];
		if ( null === $guards ) {
			$site_key_header = 'unknown';
		} elseif ( ! $guards ) {
			$site_key_header = 'not_required';
		} elseif ( in_array( 'perm', $guards, true ) ) {
			// The permission guard passes when the contact's user may
			// "authenticate with api key"; otherwise the site key must be sent.
			$site_key_header = 'depends_on_user';
		} else {
			$site_key_header = 'required';
		}
		return rest_ensure_response(
			array(
				'api4_url'                => $this->gateway->frontend_url( 'civicrm/ajax/api4/Contact/get' ),
				'authx_id_url'            => $this->gateway->frontend_url( 'civicrm/authx/id' ),
				'site_key_header'         => $site_key_header,
				'xheader_accepts_api_key' => is_wp_error( $settings ) ? null : in_array( 'api_key', $settings['flows']['xheader']['credentials'], true ),
			)
		);
	}

	/**
	 * What GET returns.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( ! $this->schema ) {
			$this->schema = array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'civikey-connection',
				'type'       => 'object',
				'properties' => array(
					'api4_url'                => array(
						'description' => __( 'Front-end URL of CiviCRM\'s APIv4 REST endpoint for Contact.get.', 'civikey' ),
						'type'        => array( 'string', 'null' ),
						'readonly'    => true,
					),
					'authx_id_url'            => array(
						'type'     => array( 'string', 'null' ),
						'readonly' => true,
					),
					'site_key_header'         => array(
						'type'     => 'string',
						'enum'     => array( 'required', 'not_required', 'depends_on_user', 'unknown' ),
						'readonly' => true,
					),
					'xheader_accepts_api_key' => array(
						'type'     => array( 'boolean', 'null' ),
						'readonly' => true,
					),
				),
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
