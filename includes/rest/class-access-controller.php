<?php
/**
 * Will this key work, and the fixes.
 *
 * @package CiviKey
 */

namespace CiviKey\REST;

use CiviKey\Audit\Audit_Log;
use CiviKey\Permissions\Profiles;
use CiviKey\Permissions\Report_Builder;
use CiviKey\Permissions\Role_Grant;
use CiviKey\Permissions\Service_User;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * GET  /profiles                  what integrations typically need
 * GET  /contacts/{id}/report      the verdict and checks for a contact
 * POST /contacts/{id}/user        create or link its WordPress user
 * POST /contacts/{id}/role        give that user a dedicated role
 *
 * Every fix is recorded in the audit trail, successful or not.
 */
class Access_Controller extends WP_REST_Controller {

	/**
	 * Report builder.
	 *
	 * @var Report_Builder
	 */
	private $reports;

	/**
	 * Service users.
	 *
	 * @var Service_User
	 */
	private $users;

	/**
	 * Role grants.
	 *
	 * @var Role_Grant
	 */
	private $grants;

	/**
	 * Audit trail.
	 *
	 * @var Audit_Log
	 */
	private $audit;

	/**
	 * Constructor.
	 *
	 * @param Report_Builder $reports Report builder.
	 * @param Service_User   $users   Service users.
	 * @param Role_Grant     $grants  Role grants.
	 * @param Audit_Log      $audit   Audit trail.
	 */
	public function __construct( Report_Builder $reports, Service_User $users, Role_Grant $grants, Audit_Log $audit ) {
		$this->namespace = Routes::REST_NAMESPACE;
		$this->reports   = $reports;
		$this->users     = $users;
		$this->grants    = $grants;
		$this->audit     = $audit;
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$permission = array( Routes::class, 'check_manage_capability' );
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/profiles',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_profiles' ),
				'permission_callback' => $permission,
			)
		);
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/contacts/(?P<id>[\d]+)/report',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_report' ),
				'permission_callback' => $permission,
				'args'                => array_merge( array( 'id' => Routes::contact_id_arg() ), Routes::requirement_args() ),
			)
		);
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/contacts/(?P<id>[\d]+)/user',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'set_user' ),
				'permission_callback' => $permission,
				'args'                => array(
					'id'      => Routes::contact_id_arg(),
					'action'  => array(
						'description' => __( 'create a new service user, or link an existing user.', 'civikey' ),
						'type'        => 'string',
						'enum'        => array( 'create', 'link' ),
						'required'    => true,
					),
					'user_id' => array(
						'description' => __( 'The user to link (action link).', 'civikey' ),
						'type'        => 'integer',
						'minimum'     => 1,
					),
					'move'    => array(
						'description' => __( 'Confirms moving the user\'s link away from the contact it has now.', 'civikey' ),
						'type'        => 'boolean',
						'default'     => false,
					),
				),
			)
		);
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/contacts/(?P<id>[\d]+)/role',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'apply_role' ),
				'permission_callback' => $permission,
				'args'                => array_merge( array( 'id' => Routes::contact_id_arg() ), Routes::requirement_args() ),
			)
		);
	}

	/**
	 * The profiles.
	 *
	 * @return WP_REST_Response
	 */
	public function get_profiles(): WP_REST_Response {
		$profiles = array();
		foreach ( Profiles::all() as $name => $profile ) {
			$profiles[] = array( 'name' => $name ) + $profile;
		}
		return rest_ensure_response( $profiles );
	}

	/**
	 * The report.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function get_report( $request ) {
		$required = self::required_permissions( $request );
		if ( is_wp_error( $required ) ) {
			return $required;
		}
		$report = $this->reports->build( (int) $request['id'], $required );
		return is_wp_error( $report ) ? $report : rest_ensure_response( $report );
	}

	/**
	 * Creates or links the contact's user.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function set_user( $request ) {
		$contact_id = (int) $request['id'];
		if ( 'create' === $request['action'] ) {
			$result = $this->users->create_for( $contact_id );
			$action = 'user_created';
		} else {
			if ( empty( $request['user_id'] ) ) {
				return new WP_Error( 'civikey_user_required', __( 'Choose the WordPress user to link.', 'civikey' ), array( 'status' => 400 ) );
			}
			$result = $this->users->link( $contact_id, (int) $request['user_id'], (bool) $request['move'] );
			$action = 'user_linked';
		}
		return $this->recorded( $action, $contact_id, $result );
	}

	/**
	 * Gives the contact's user a role with exactly the needed capabilities.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function apply_role( $request ) {
		$required = self::required_permissions( $request );
		if ( is_wp_error( $required ) ) {
			return $required;
		}
		$contact_id = (int) $request['id'];
		return $this->recorded( 'role_applied', $contact_id, $this->grants->grant( $contact_id, $required, (string) $request['profile'] ) );
	}

	/**
	 * Records a fix in the audit trail and answers.
	 *
	 * @param string                        $action     Audit action.
	 * @param int                           $contact_id Contact ID.
	 * @param array<string, mixed>|WP_Error $result   What the fix returned.
	 * @return WP_REST_Response|WP_Error
	 */
	private function recorded( string $action, int $contact_id, $result ) {
		if ( is_wp_error( $result ) ) {
			$this->audit->record( $action, $contact_id, array( 'error' => $result->get_error_code() ), 'failure' );
			return $result;
		}
		$this->audit->record( $action, $contact_id, $result );
		return rest_ensure_response( $result );
	}

	/**
	 * The permissions a request asks for; always with REST access.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<int, string>|WP_Error
	 */
	private static function required_permissions( WP_REST_Request $request ) {
		return Profiles::required( (string) $request['profile'], (array) $request['permissions'] );
	}
}
