<?php
/**
 * What an integration must be able to do.
 *
 * @package CiviKey
 */

namespace CiviKey\Permissions;

use WP_Error;

/**
 * Named sets of CiviCRM permissions for common integrations, so an admin
 * ticks "Read contacts" rather than recalling permission names. Every profile
 * includes "access AJAX API", which CiviCRM's REST endpoint requires
 * (or "access CiviCRM", which gives far more).
 */
final class Profiles {

	public const REST_ACCESS  = 'access AJAX API';
	public const AUTHENTICATE = 'authenticate with api key';
	public const ADMINISTER   = 'administer CiviCRM';

	/**
	 * The profiles, keyed by name.
	 *
	 * @return array<string, array{label: string, description: string, permissions: array<int, string>}>
	 */
	public static function all(): array {
		return array(
			'read_contacts' => array(
				'label'       => __( 'Read contacts', 'civikey' ),
				'description' => __( 'Look up contacts and their details.', 'civikey' ),
				'permissions' => array( self::REST_ACCESS, 'view all contacts' ),
			),
			'edit_contacts' => array(
				'label'       => __( 'Read and edit contacts', 'civikey' ),
				'description' => __( 'Create and update contacts, for example a sign-up or CRM sync.', 'civikey' ),
				'permissions' => array( self::REST_ACCESS, 'view all contacts', 'edit all contacts', 'add contacts' ),
			),
			'contributions' => array(
				'label'       => __( 'Contributions', 'civikey' ),
				'description' => __( 'Record and read contributions, for example from a payment service.', 'civikey' ),
				'permissions' => array( self::REST_ACCESS, 'view all contacts', 'access CiviContribute', 'edit contributions' ),
			),
			'events'        => array(
				'label'       => __( 'Events', 'civikey' ),
				'description' => __( 'Read events and register participants.', 'civikey' ),
				'permissions' => array( self::REST_ACCESS, 'view all contacts', 'access CiviEvent', 'edit event participants' ),
			),
			'mailing_lists' => array(
				'label'       => __( 'Groups and mailing lists', 'civikey' ),
				'description' => __( 'Add contacts to groups and read memberships of lists.', 'civikey' ),
				'permissions' => array( self::REST_ACCESS, 'view all contacts', 'edit all contacts', 'edit groups' ),
			),
			'administer'    => array(
				'label'       => __( 'Administer CiviCRM (everything)', 'civikey' ),
				'description' => __( 'Full control of CiviCRM. Only for integrations that really manage CiviCRM itself.', 'civikey' ),
				'permissions' => array( self::REST_ACCESS, self::ADMINISTER ),
			),
		);
	}

	/**
	 * The permissions a profile needs, or null for an unknown name.
	 *
	 * @param string $name Profile name.
	 * @return array<int, string>|null
	 */
	public static function permissions( string $name ): ?array {
		$profiles = self::all();
		return isset( $profiles[ $name ] ) ? $profiles[ $name ]['permissions'] : null;
	}

	/**
	 * What an integration asks for: a named profile's permissions, or the
	 * custom list; always with REST access, without which no key works.
	 *
	 * @param string             $profile A profile name, or custom.
	 * @param array<int, string> $custom  CiviCRM permissions, for custom.
	 * @return array<int, string>|WP_Error
	 */
	public static function required( string $profile, array $custom ) {
		if ( 'custom' === $profile ) {
			$permissions = array_map( 'strval', $custom );
			if ( ! $permissions ) {
				return new WP_Error( 'civikey_permissions_required', __( 'Tick at least one permission the integration needs.', 'civikey' ), array( 'status' => 400 ) );
			}
		} else {
			$permissions = (array) self::permissions( $profile );
		}
		return array_values( array_unique( array_merge( array( self::REST_ACCESS ), $permissions ) ) );
	}

	/**
	 * A profile's label, for naming roles; "Custom" for anything else.
	 *
	 * @param string $profile Profile name.
	 * @return string
	 */
	public static function label( string $profile ): string {
		$profiles = self::all();
		return isset( $profiles[ $profile ] ) ? (string) $profiles[ $profile ]['label'] : __( 'Custom', 'civikey' );
	}
}
