<?php
/**
 * Giving a contact's user the role an integration needs.
 *
 * @package CiviKey
 */

namespace CiviKey\Permissions;

use CiviKey\CiviCRM\Contact_Directory;
use WP_Error;

/**
 * One fix shared by the access check and the guided setup: find or create
 * the role holding exactly the needed capabilities and give it to the user
 * linked to the contact.
 */
class Role_Grant {

	/**
	 * Contact directory.
	 *
	 * @var Contact_Directory
	 */
	private $contacts;

	/**
	 * Roles.
	 *
	 * @var Role_Manager
	 */
	private $roles;

	/**
	 * Constructor.
	 *
	 * @param Contact_Directory $contacts Contact directory.
	 * @param Role_Manager      $roles    Roles.
	 */
	public function __construct( Contact_Directory $contacts, Role_Manager $roles ) {
		$this->contacts = $contacts;
		$this->roles    = $roles;
	}

	/**
	 * The permissions the role holds for what an integration needs: the role
	 * also lets the key pass AuthX's permission guard, so the site key need
	 * not be handed to the integration.
	 *
	 * @param array<int, string> $required CiviCRM permissions the integration needs.
	 * @return array<int, string>
	 */
	public static function role_permissions( array $required ): array {
		return array_values( array_unique( array_merge( $required, array( Profiles::AUTHENTICATE ) ) ) );
	}

	/**
	 * The role this grant would give, changing nothing.
	 *
	 * @param array<int, string> $required CiviCRM permissions.
	 * @param string             $profile  Profile name, for the role's label.
	 * @return array{role: string, name: string, exists: bool, capabilities: array<int, string>}|WP_Error
	 */
	public function plan( array $required, string $profile ) {
		return $this->roles->plan_role( self::role_permissions( $required ), Profiles::label( $profile ) );
	}

	/**
	 * Finds or creates the role and gives it to the contact's user.
	 *
	 * @param int                $contact_id Contact ID.
	 * @param array<int, string> $required   CiviCRM permissions.
	 * @param string             $profile    Profile name, for the role's label.
	 * @return array{role: string, name: string, created: bool, capabilities: array<int, string>, user_id: int}|WP_Error
	 */
	public function grant( int $contact_id, array $required, string $profile ) {
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
		$role = $this->roles->ensure_role( self::role_permissions( $required ), Profiles::label( $profile ) );
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
}
