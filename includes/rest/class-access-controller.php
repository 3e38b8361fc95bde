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
use CiviKey\Permissions\Role_Manager;
use CiviKey\Permissions\Service_User;
use CiviKey\CiviCRM\Contact_Directory;
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
	 * Roles.
	 *
	 * @var Role_Manager
	 */
	private $roles;

	/**
	 * Contact directory.
	 *
	 * @var Contact_Directory
	 */
	private $contacts;

	/**
	 * Audit trail.
	 *
	 * @var Audit_Log
	 */
	private $audit;

	/**
	 * Constructor.
	 *
	 * @param Report_Builder    $reports  Report builder.
	 * @param Service_User      $users    Service users.
	 * @param Role_Manager      $roles    Roles.
	 * @param Contact_Directory $contacts Contact directory.
	 * @param Audit_Log         $audit    Audit trail.
	 */
	public function __construct( Report_Builder $reports, Service_User $users, Role_Manager $roles, Contact_Directory $contacts, Audit_Log $audit ) {
		$this->namespace = Routes::REST_NAMESPACE;
		$this->reports   = $reports;
		$this->users     = $users;
		$this->roles     = $roles;
		$this->contacts  = $contacts;
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
				'args'                => array_merge( array( 'id' => Routes::contact_id_arg() ), self::requirement_args() ),
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
				'args'                => array_merge( array( 'id' => Routes::contact_id_arg() ), self::requirement_args() ),
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
		return $this->recorded( 'role_applied', $contact_id, $this->give_role( $contact_id, $required, (string) $request['profile'] ) );
	}

	/**
	 * Finds or creates the role and gives it to the contact's user.
	 *
	 * @param int                $contact_id Contact ID.
	 * @param array<int, string> $required   CiviCRM permissions.
	 * @param string             $profile    Profile name, for the role's label.
	 * @return array<string, mixed>|WP_Error
	 */
	private function give_role( int $contact_id, array $required, string $profile ) {
		$contact = $this->contacts->get( $contact_id );
		if ( is_wp_error( $contact ) ) {
			return $contact;
		}
		if ( null === $contact['linked_user'] || ! $contact['linked_user']['exists'] ) {
			return new WP_Error(
				'civikey_no_user',
				__( 'This contact has no WordPress user to give a role to. Create or link a user first.', 'civikey' ),
				array( 'status' => 409 )
			);
		}
		// The role also lets the key pass AuthX's permission guard, so the
		// site key need not be handed to the integration.
		$permissions = array_values( array_unique( array_merge( $required, array( Profiles::AUTHENTICATE ) ) ) );
		$profiles    = Profiles::all();
		$label       = isset( $profiles[ $profile ] ) ? $profiles[ $profile ]['label'] : __( 'Custom', 'civikey' );
		$role        = $this->roles->ensure_role( $permissions, $label );
		if ( is_wp_error( $role ) ) {
			return $role;
		}
		$user_id  = (int) $contact['linked_user']['id'];
		$assigned = $this->roles->assign( $user_id, $role['role'] );
		if ( is_wp_error( $assigned ) ) {
			return $assigned;
		}
		$role['user_id'] = $user_id;
		return $role;
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
	 * Arguments naming what the integration must do.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function requirement_args(): array {
		return array(
			'profile'     => array(
				'description' => __( 'A named profile, or custom with a permissions list.', 'civikey' ),
				'type'        => 'string',
				'enum'        => array_merge( array_keys( Profiles::all() ), array( 'custom' ) ),
				'default'     => 'read_contacts',
			),
			'permissions' => array(
				'description' => __( 'CiviCRM permissions, for the custom profile.', 'civikey' ),
				'type'        => 'array',
				'maxItems'    => 40,
				'items'       => array(
					'type'      => 'string',
					'pattern'   => '^[A-Za-z0-9][A-Za-z0-9 _-]{1,63}$',
					'maxLength' => 64,
				),
				'default'     => array(),
			),
		);
	}

	/**
	 * The permissions a request asks for; always with REST access.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<int, string>|WP_Error
	 */
	private static function required_permissions( WP_REST_Request $request ) {
		$profile = (string) $request['profile'];
		if ( 'custom' === $profile ) {
			$permissions = array_map( 'strval', (array) $request['permissions'] );
			if ( ! $permissions ) {
				return new WP_Error( 'civikey_permissions_required', __( 'Tick at least one permission the integration needs.', 'civikey' ), array( 'status' => 400 ) );
			}
		} else {
			$permissions = (array) Profiles::permissions( $profile );
		}
		return array_values( array_unique( array_merge( array( Profiles::REST_ACCESS ), $permissions ) ) );
	}
}
