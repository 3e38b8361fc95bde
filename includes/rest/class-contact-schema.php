<?php
/**
 * JSON schema of a contact.
 *
 * @package CiviKey
 */

namespace CiviKey\REST;

/**
 * A contact as the REST API returns it. There is no property for the key:
 * only its status and fingerprint ever leave the server.
 */
final class Contact_Schema {

	/**
	 * The schema.
	 *
	 * @return array<string, mixed>
	 */
	public static function get(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'civikey-contact',
			'type'       => 'object',
			'properties' => array(
				'id'           => array(
					'description' => __( 'CiviCRM contact ID.', 'civikey' ),
					'type'        => 'integer',
					'readonly'    => true,
				),
				'display_name' => array(
					'type'     => 'string',
					'readonly' => true,
				),
				'contact_type' => array(
					'type'     => 'string',
					'readonly' => true,
				),
				'email'        => array(
					'description' => __( 'Primary email, if any.', 'civikey' ),
					'type'        => array( 'string', 'null' ),
					'readonly'    => true,
				),
				'is_deleted'   => array(
					'description' => __( 'The contact is in CiviCRM\'s trash.', 'civikey' ),
					'type'        => 'boolean',
					'readonly'    => true,
				),
				'key'          => array(
					'type'       => 'object',
					'readonly'   => true,
					'properties' => array(
						'status'      => array(
							'description' => __( 'set, none, or hidden when CiviCRM does not let you see keys.', 'civikey' ),
							'type'        => 'string',
							'enum'        => array( 'set', 'none', 'hidden' ),
						),
						'fingerprint' => array(
							'type'       => array( 'object', 'null' ),
							'properties' => array(
								'last4'  => array( 'type' => 'string' ),
								'length' => array( 'type' => 'integer' ),
							),
						),
						'last_used'   => array(
							'description' => __( 'When AuthX last accepted the key (UTC) and from which IP; null when never recorded.', 'civikey' ),
							'type'        => array( 'object', 'null' ),
							'properties'  => array(
								'at' => array( 'type' => 'string' ),
								'ip' => array( 'type' => 'string' ),
							),
						),
					),
				),
				'linked_user'  => array(
					'description' => __( 'The WordPress user linked to the contact through UFMatch; requests with the key run as this user.', 'civikey' ),
					'type'        => array( 'object', 'null' ),
					'readonly'    => true,
					'properties'  => array(
						'id'           => array( 'type' => 'integer' ),
						'exists'       => array( 'type' => 'boolean' ),
						'login'        => array( 'type' => array( 'string', 'null' ) ),
						'display_name' => array( 'type' => array( 'string', 'null' ) ),
						'roles'        => array(
							'type'  => 'array',
							'items' => array( 'type' => 'string' ),
						),
					),
				),
			),
		);
	}
}
