<?php
/**
 * /civikey/v1/inventory
 *
 * @package CiviKey
 */

namespace CiviKey\REST;

use CiviKey\Inventory\Inventory;
use CiviKey\Inventory\Inventory_Sort;
use CiviKey\Keys\Key_Service;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Every key on the site with its problems, and revoking several at once.
 *
 * Without a filter, pages come straight from CiviCRM (a fixed number of calls
 * per page, in any order). Problems are judged in PHP, so filtering by one
 * scans the keyed contacts in large pages, in the order asked for, and pages
 * the result here.
 */
class Inventory_Controller extends WP_REST_Controller {

	/**
	 * Scan page size when filtering.
	 */
	private const SCAN_PAGE = 1000;

	/**
	 * Inventory.
	 *
	 * @var Inventory
	 */
	private $inventory;

	/**
	 * Key lifecycle.
	 *
	 * @var Key_Service
	 */
	private $keys;

	/**
	 * Constructor.
	 *
	 * @param Inventory   $inventory Inventory.
	 * @param Key_Service $keys      Key lifecycle.
	 */
	public function __construct( Inventory $inventory, Key_Service $keys ) {
		$this->namespace = Routes::REST_NAMESPACE;
		$this->inventory = $inventory;
		$this->keys      = $keys;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/inventory',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_items' ),
				'permission_callback' => array( Routes::class, 'check_manage_capability' ),
				'args'                => array(
					'page'     => array(
						'type'    => 'integer',
						'default' => 1,
						'minimum' => 1,
						'maximum' => 100000,
					),
					'per_page' => array(
						'type'    => 'integer',
						'default' => 50,
						'minimum' => 1,
						'maximum' => 200,
					),
					'problem'  => array(
						'description' => __( 'Only keys with this problem; "any" for keys with at least one.', 'civikey' ),
						'type'        => 'string',
						'enum'        => array_merge( array( '', 'any' ), array_keys( Inventory::problem_labels() ) ),
						'default'     => '',
					),
					'orderby'  => array(
						'description' => __( 'Order of the keys: contact ID, contact name (CiviCRM\'s sort name), when the key was last used, or when CiviKey last set or replaced it. Keys never used (or never changed through CiviKey) count as the oldest.', 'civikey' ),
						'type'        => 'string',
						'enum'        => Inventory_Sort::fields(),
						'default'     => Inventory_Sort::BY_ID,
					),
					'order'    => array(
						'description' => __( 'Direction of the order: asc (lowest, A to Z, oldest first) or desc.', 'civikey' ),
						'type'        => 'string',
						'enum'        => array( Inventory_Sort::ASC, Inventory_Sort::DESC ),
						'default'     => Inventory_Sort::ASC,
					),
				),
			)
		);
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/inventory/summary',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_summary' ),
				'permission_callback' => array( Routes::class, 'check_manage_capability' ),
			)
		);
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/inventory/problems',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_problem_labels' ),
				'permission_callback' => array( Routes::class, 'check_manage_capability' ),
			)
		);
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/inventory/revoke',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'revoke' ),
				'permission_callback' => array( Routes::class, 'check_manage_capability' ),
				'args'                => array(
					'contact_ids' => array(
						'description'       => __( 'Contacts whose keys to revoke.', 'civikey' ),
						'type'              => 'array',
						'required'          => true,
						'minItems'          => 1,
						'maxItems'          => 200,
						'uniqueItems'       => true,
						'items'             => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
						// WordPress would read a lone number or true as a list of one;
						// revoking needs an explicit list.
						'validate_callback' => static function ( $value, $request, $param ) {
							if ( ! is_array( $value ) || array_values( $value ) !== $value ) {
								return new WP_Error(
									'rest_invalid_param',
									__( 'Send contact_ids as a list of contact IDs, for example [12, 15].', 'civikey' ),
									array( 'status' => 400 )
								);
							}
							return rest_validate_request_arg( $value, $request, $param );
						},
					),
				),
			)
		);
	}

	/**
	 * Labels of the problems.
	 *
	 * @return WP_REST_Response
	 */
	public function get_problem_labels(): WP_REST_Response {
		return rest_ensure_response( Inventory::problem_labels() );
	}

	/**
	 * How many keys there are, and how many have each problem.
	 *
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_summary() {
		$counts = $this->inventory->problem_counts();
		if ( is_wp_error( $counts ) ) {
			return $counts;
		}
		return rest_ensure_response( $counts );
	}

	/**
	 * A page of the inventory.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_items( $request ) {
		$page     = (int) $request['page'];
		$per_page = (int) $request['per_page'];
		$problem  = (string) $request['problem'];
		$orderby  = (string) $request['orderby'];
		$order    = (string) $request['order'];
		if ( '' === $problem ) {
			$found = $this->inventory->page( $page, $per_page, $orderby, $order );
			if ( is_wp_error( $found ) ) {
				return $found;
			}
			return Routes::paged( $found['items'], $found['total'], $per_page );
		}
		$matching = array();
		foreach ( $this->inventory->all( self::SCAN_PAGE, $orderby, $order ) as $item ) {
			if ( $item instanceof WP_Error ) {
				return $item;
			}
			if ( 'any' === $problem ? (bool) $item['problems'] : in_array( $problem, $item['problems'], true ) ) {
				$matching[] = $item;
			}
		}
		return Routes::paged( array_slice( $matching, ( $page - 1 ) * $per_page, $per_page ), count( $matching ), $per_page );
	}

	/**
	 * Revokes several keys after one confirmation in the screen; each
	 * revocation is its own audit entry.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function revoke( $request ): WP_REST_Response {
		$results = array();
		foreach ( array_map( 'intval', (array) $request['contact_ids'] ) as $contact_id ) {
			$outcome   = $this->keys->revoke( $contact_id );
			$results[] = is_wp_error( $outcome )
				? array(
					'contact_id' => $contact_id,
					'revoked'    => false,
					'code'       => $outcome->get_error_code(),
					'message'    => $outcome->get_error_message(),
				)
				: array(
					'contact_id' => $contact_id,
					'revoked'    => true,
				);
		}
		return Routes::no_store( rest_ensure_response( $results ) );
	}
}
