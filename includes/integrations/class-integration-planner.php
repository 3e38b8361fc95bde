<?php
/**
 * What connecting a new integration would make.
 *
 * @package CiviKey
 */

namespace CiviKey\Integrations;

use CiviKey\CiviCRM\Contact_Directory;
use CiviKey\Keys\Key_Policy;
use CiviKey\Permissions\Profiles;
use CiviKey\Permissions\Role_Grant;
use CiviKey\Permissions\Service_User;
use WP_Error;

/**
 * Works out, without changing anything, the contact, user, role and key a
 * guided setup would create, so the admin reviews exactly what will happen
 * and the setup then makes exactly that.
 */
class Integration_Planner {

	/**
	 * How many same-named contacts a plan mentions.
	 */
	private const SAME_NAME_LIMIT = 5;

	/**
	 * Contact directory.
	 *
	 * @var Contact_Directory
	 */
	private $contacts;

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
	 * Constructor.
	 *
	 * @param Contact_Directory $contacts Contact directory.
	 * @param Service_User      $users    Service users.
	 * @param Role_Grant        $grants   Role grants.
	 */
	public function __construct( Contact_Directory $contacts, Service_User $users, Role_Grant $grants ) {
		$this->contacts = $contacts;
		$this->users    = $users;
		$this->grants   = $grants;
	}

	/**
	 * The plan for an integration.
	 *
	 * @param string             $name    Integration name, e.g. "Zapier".
	 * @param string             $profile Profile name, or custom.
	 * @param array<int, string> $custom  CiviCRM permissions, for custom.
	 * @return array<string, mixed>|WP_Error
	 */
	public function plan( string $name, string $profile, array $custom ) {
		$name = trim( $name );
		if ( '' === $name ) {
			return new WP_Error(
				'civikey_integration_name',
				__( 'Name the integration, for example "Zapier" or "Mailing sync": the new contact, user and role are named after it.', 'civikey' ),
				array( 'status' => 400 )
			);
		}
		$required = Profiles::required( $profile, $custom );
		if ( is_wp_error( $required ) ) {
			return $required;
		}
		// Asking CiviCRM first means an admin who may not set keys learns it
		// before anything is made, not after a contact already exists.
		$may_edit = $this->contacts->current_user_may_edit_keys();
		if ( is_wp_error( $may_edit ) ) {
			return $may_edit;
		}
		if ( ! $may_edit ) {
			return new WP_Error(
				'civikey_cannot_edit_keys',
				__( 'CiviCRM does not let you set API keys. Ask a CiviCRM administrator to give your role the CiviCRM permission "edit api keys" (or "administer CiviCRM").', 'civikey' ),
				array( 'status' => 403 )
			);
		}
		$same_name = $this->contacts->named( $name, self::SAME_NAME_LIMIT );
		if ( is_wp_error( $same_name ) ) {
			return $same_name;
		}
		$role = $this->grants->plan( $required, $profile );
		if ( is_wp_error( $role ) ) {
			return $role;
		}
		return array(
			'name'              => $name,
			'contact'           => array(
				'contact_type' => 'Organization',
				'display_name' => $name,
			),
			'existing_contacts' => $same_name,
			'user'              => $this->users->proposed( $name ),
			'role'              => $role,
			'permissions'       => Role_Grant::role_permissions( $required ),
			'required'          => $required,
			'profile'           => $profile,
			'key_length'        => Key_Policy::DEFAULT_LENGTH,
		);
	}
}
