<?php
/**
 * Gathers the facts for a permission report.
 *
 * @package CiviKey
 */

namespace CiviKey\Permissions;

use CiviKey\CiviCRM\Authx_Settings;
use CiviKey\CiviCRM\Contact_Directory;
use CiviKey\CiviCRM\Gateway;
use WP_Error;

/**
 * Reads what the permission report needs from CiviCRM (through the gateway)
 * and WordPress (users, roles, capabilities), then lets the report judge.
 *
 * The user's permissions are asked of WordPress directly (user_can) for the
 * contact's own user: CiviCRM's permission check would judge the current
 * admin instead when the contact has no user.
 */
class Report_Builder {

	/**
	 * Contact directory.
	 *
	 * @var Contact_Directory
	 */
	private $contacts;

	/**
	 * AuthX state and settings.
	 *
	 * @var Authx_Settings
	 */
	private $authx;

	/**
	 * CiviCRM gateway.
	 *
	 * @var Gateway
	 */
	private $gateway;

	/**
	 * Constructor.
	 *
	 * @param Contact_Directory $contacts Contact directory.
	 * @param Authx_Settings    $authx    AuthX state and settings.
	 * @param Gateway           $gateway  CiviCRM gateway.
	 */
	public function __construct( Contact_Directory $contacts, Authx_Settings $authx, Gateway $gateway ) {
		$this->contacts = $contacts;
		$this->authx    = $authx;
		$this->gateway  = $gateway;
	}

	/**
	 * The report for a contact and the permissions its integration needs.
	 *
	 * @param int                $contact_id Contact ID.
	 * @param array<int, string> $required   CiviCRM permissions needed.
	 * @return array<string, mixed>|WP_Error
	 */
	public function build( int $contact_id, array $required ) {
		$contact = $this->contacts->get( $contact_id );
		if ( is_wp_error( $contact ) ) {
			return $contact;
		}
		$relevant = array_unique( array_merge( $required, array( Profiles::AUTHENTICATE, Profiles::ADMINISTER ) ) );
		$state    = $this->authx->state();
		$settings = 'enabled' === $state ? $this->authx->read() : null;
		$own      = $this->contacts->contact_id_for_user( get_current_user_id() );

		$facts             = array(
			'contact'                 => array(
				'id'           => $contact['id'],
				'display_name' => $contact['display_name'],
				'is_deleted'   => $contact['is_deleted'],
			),
			'user'                    => $this->user_facts( $contact['linked_user'], $relevant ),
			'anonymous_capabilities'  => $this->role_capabilities( 'anonymous_user', $relevant ),
			'authx'                   => array(
				'state'    => $state,
				'settings' => is_wp_error( $settings ) ? null : $settings,
			),
			'site_key_defined'        => null !== $this->gateway->site_key(),
			'required'                => array_values( $required ),
			'current_user_contact_id' => is_int( $own ) ? $own : null,
		);
		$report            = ( new Permission_Report( $facts ) )->build();
		$report['contact'] = $contact;
		return $report;
	}

	/**
	 * Facts about the linked user.
	 *
	 * @param array<string, mixed>|null $linked   The contact's linked_user.
	 * @param array<int, string>        $relevant Permissions to look up.
	 * @return array<string, mixed>|null
	 */
	private function user_facts( ?array $linked, array $relevant ): ?array {
		if ( null === $linked ) {
			return null;
		}
		$user_id = (int) $linked['id'];
		$user    = get_userdata( $user_id );
		if ( ! $user ) {
			return array(
				'id'             => $user_id,
				'exists'         => false,
				'login'          => null,
				'roles'          => array(),
				'is_super_admin' => false,
				'capabilities'   => array(),
			);
		}
		$capabilities = array();
		foreach ( $relevant as $permission ) {
			$capability                  = Capability_Map::capability( $permission );
			$capabilities[ $capability ] = user_can( $user, $capability );
		}
		return array(
			'id'             => $user_id,
			'exists'         => true,
			'login'          => $user->user_login,
			'roles'          => array_values( $user->roles ),
			'is_super_admin' => is_multisite() && is_super_admin( $user_id ),
			'capabilities'   => $capabilities,
		);
	}

	/**
	 * Capabilities a role holds, among the relevant ones.
	 *
	 * @param string             $role_name Role.
	 * @param array<int, string> $relevant  Permissions to look up.
	 * @return array<string, bool>
	 */
	private function role_capabilities( string $role_name, array $relevant ): array {
		$role         = get_role( $role_name );
		$capabilities = array();
		foreach ( $relevant as $permission ) {
			$capability                  = Capability_Map::capability( $permission );
			$capabilities[ $capability ] = $role ? $role->has_cap( $capability ) : false;
		}
		return $capabilities;
	}
}
