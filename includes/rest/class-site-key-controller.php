<?php
/**
 * /civikey/v1/site-key
 *
 * @package CiviKey
 */

namespace CiviKey\REST;

use CiviKey\CiviCRM\Availability;
use CiviKey\CiviCRM\Contact_Directory;
use CiviKey\CiviCRM\Error_Translator;
use CiviKey\CiviCRM\Gateway;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * CiviCRM's site key, which AuthX may require beside an API key.
 *
 * Reading says only whether it is defined and how long it is. Revealing it is
 * a separate POST (so it is never prefetched, cached or linked to) and only
 * for people CiviCRM lets edit API keys, who could set up a key anyway.
 */
class Site_Key_Controller extends WP_REST_Controller {

	/**
	 * CiviCRM gateway.
	 *
	 * @var Gateway
	 */
	private $gateway;

	/**
	 * Contact directory, for CiviCRM's verdict on key access.
	 *
	 * @var Contact_Directory
	 */
	private $contacts;

	/**
	 * Constructor.
	 *
	 * @param Gateway           $gateway  CiviCRM gateway.
	 * @param Contact_Directory $contacts Contact directory.
	 */
	public function __construct( Gateway $gateway, Contact_Directory $contacts ) {
		$this->namespace = Routes::REST_NAMESPACE;
		$this->rest_base = 'site-key';
		$this->gateway   = $gateway;
		$this->contacts  = $contacts;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/site-key',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/site-key/reveal',
			array(
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'reveal' ),
					'permission_callback' => array( $this, 'reveal_permissions_check' ),
				),
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
	 * Revealing needs CiviCRM's permission to edit API keys too.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function reveal_permissions_check( $request ) {
		$allowed = Routes::check_manage_capability();
		if ( is_wp_error( $allowed ) ) {
			return $allowed;
		}
		$may_edit_keys = $this->contacts->current_user_may_edit_keys();
		if ( is_wp_error( $may_edit_keys ) ) {
			return $may_edit_keys;
		}
		if ( ! $may_edit_keys ) {
			return new WP_Error(
				'civikey_site_key_forbidden',
				__( 'Only people CiviCRM lets edit API keys may see the site key.', 'civikey' ) . ' ' . Error_Translator::permission_fix(),
				array( 'status' => 403 )
			);
		}
		return true;
	}

	/**
	 * Whether a site key is defined, and its length.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_item( $request ) {
		$site_key = $this->site_key_or_error();
		if ( is_wp_error( $site_key ) ) {
			return $site_key;
		}
		return rest_ensure_response(
			array(
				'defined' => null !== $site_key,
				'length'  => null === $site_key ? 0 : strlen( $site_key ),
			)
		);
	}

	/**
	 * The site key itself.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function reveal( $request ) {
		$site_key = $this->site_key_or_error();
		if ( is_wp_error( $site_key ) ) {
			return $site_key;
		}
		if ( null === $site_key ) {
			return new WP_Error(
				'civikey_no_site_key',
				__( 'CiviCRM has no site key defined. Set CIVICRM_SITE_KEY in civicrm.settings.php (CiviCRM\'s installer normally does).', 'civikey' ),
				array( 'status' => 404 )
			);
		}
		return Routes::no_store( rest_ensure_response( array( 'site_key' => $site_key ) ) );
	}

	/**
	 * The site key, null when undefined, or a 503 when CiviCRM is not ready.
	 *
	 * @return string|null|WP_Error
	 */
	private function site_key_or_error() {
		$availability = $this->gateway->availability();
		if ( Availability::READY !== $availability ) {
			return Availability::error( $availability );
		}
		return $this->gateway->site_key();
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
				'title'      => 'civikey-site-key',
				'type'       => 'object',
				'properties' => array(
					'defined' => array(
						'type'     => 'boolean',
						'readonly' => true,
					),
					'length'  => array(
						'type'     => 'integer',
						'readonly' => true,
					),
				),
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
