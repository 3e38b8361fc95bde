<?php
/**
 * CiviCRM settings the stand-in knows.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

/**
 * Setting metadata and storage (civicrm_setting, PHP-serialized values, one
 * domain). The authx_* settings come from the AuthX extension, so they exist
 * only while it is installed and enabled.
 *
 * @see civicrm-core ext/authx/settings/authx.setting.php
 * @see civicrm-core settings/Core.setting.php (contact_undelete, display_name_format, sort_name_format)
 * @see civicrm-core Civi/Core/SettingsBag.php get(), setDb()
 */
final class Settings {

	/** AuthX flows. @see civicrm-core ext/authx/settings/authx.setting.php $flows */
	public const AUTHX_FLOWS = array( 'auto', 'header', 'login', 'param', 'xheader', 'legacyrest', 'pipe', 'script' );

	/**
	 * Known settings: name => metadata.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function metadata(): array {
		$settings = array(
			'contact_undelete'    => array(
				'title'             => 'Contact Trash and Undelete',
				'type'              => 'Boolean',
				'default'           => 1,
				'group'             => 'core',
				'validate_callback' => 'boolean',
			),
			'display_name_format' => array(
				'title'   => 'Individual Display Name Format',
				'type'    => 'String',
				'default' => '{contact.prefix_id:label}{ }{contact.first_name}{ }{contact.last_name}{ }{contact.suffix_id:label}',
				'group'   => 'core',
			),
			'sort_name_format'    => array(
				'title'   => 'Individual Sort Name Format',
				'type'    => 'String',
				'default' => '{contact.last_name}{, }{contact.first_name}{ }{contact.suffix_id:label}',
				'group'   => 'core',
			),
		);
		if ( Extensions::is_enabled( 'authx' ) ) {
			$settings += self::authx_metadata();
		}
		return $settings;
	}

	/**
	 * AuthX settings with core's defaults: guards site_key + perm; every flow
	 * accepts JWTs, and param/header/xheader/pipe/legacyrest also API keys;
	 * user mode "optional" except legacyrest ("require").
	 *
	 * @see civicrm-core ext/authx/settings/authx.setting.php
	 * @return array<string, array<string, mixed>>
	 */
	private static function authx_metadata(): array {
		$settings = array(
			'authx_guards' => array(
				'title'   => 'Authentication guard',
				'type'    => 'Array',
				'default' => array( 'site_key', 'perm' ),
				'group'   => 'authx',
				'options' => array( 'site_key', 'perm' ),
			),
		);
		foreach ( self::AUTHX_FLOWS as $flow ) {
			$settings[ "authx_{$flow}_cred" ] = array(
				'title'   => "Acceptable credentials ($flow)",
				'type'    => 'Array',
				'default' => array( 'jwt' ),
				'group'   => 'authx',
				'options' => array( 'pass', 'api_key', 'jwt' ),
			);
			$settings[ "authx_{$flow}_user" ] = array(
				'title'   => "User account requirements ($flow)",
				'type'    => 'String',
				'default' => 'optional',
				'group'   => 'authx',
				'options' => array( 'optional', 'require', 'ignore' ),
			);
		}
		$settings['authx_legacyrest_cred']['default'] = array( 'jwt', 'api_key' );
		$settings['authx_legacyrest_user']['default'] = 'require';
		$settings['authx_param_cred']['default']      = array( 'jwt', 'api_key' );
		$settings['authx_header_cred']['default']     = array( 'jwt', 'api_key' );
		$settings['authx_xheader_cred']['default']    = array( 'jwt', 'api_key' );
		$settings['authx_pipe_cred']['default']       = array( 'jwt', 'api_key' );
		return $settings;
	}

	/**
	 * A setting's value: the stored one, else the default.
	 *
	 * @param string $name Setting name.
	 * @return mixed
	 */
	public static function get( string $name ) {
		$meta  = self::metadata();
		$value = Database::instance()->fetch_value(
			'SELECT value FROM civicrm_setting WHERE name = ? AND domain_id = ? AND contact_id IS NULL LIMIT 1',
			array( $name, Session::DOMAIN_ID )
		);
		if ( null !== $value && 'null' !== $value ) {
			$decoded = @unserialize( (string) $value, array( 'allowed_classes' => false ) ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.PHP.DiscouragedPHPFunctions.serialize_unserialize -- CiviCRM's storage format; classes refused.
			if ( false !== $decoded || 'b:0;' === $value ) {
				return $decoded;
			}
		}
		return $meta[ $name ]['default'] ?? null;
	}

	/**
	 * Stores a setting (NULL, '' or 'null' clear it back to the default).
	 *
	 * @param string $name  Setting name.
	 * @param mixed  $value Value.
	 */
	public static function set( string $name, $value ): void {
		$db      = Database::instance();
		$is_null = ! is_array( $value ) && ( null === $value || '' === $value || ( is_string( $value ) && 'null' === strtolower( $value ) ) );
		$stored  = $is_null ? 'null' : serialize( $value ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize -- CiviCRM's storage format.
		$id      = $db->fetch_value(
			'SELECT id FROM civicrm_setting WHERE name = ? AND domain_id = ? AND contact_id IS NULL LIMIT 1',
			array( $name, Session::DOMAIN_ID )
		);
		$creator = Session::logged_in_contact_id();
		if ( null !== $id ) {
			$db->execute( 'UPDATE civicrm_setting SET value = ?, created_date = NOW(), created_id = ? WHERE id = ?', array( $stored, $creator, (int) $id ) );
			return;
		}
		$db->insert(
			'INSERT INTO civicrm_setting (name, value, domain_id, contact_id, is_domain, created_date, created_id) VALUES (?, ?, ?, NULL, 1, NOW(), ?)',
			array( $name, $stored, Session::DOMAIN_ID, $creator )
		);
	}

	/**
	 * Resolves domainId/contactId parameters to the one domain.
	 *
	 * @see civicrm-core Civi/Api4/Action/Setting/AbstractSettingAction.php findDomains()
	 *
	 * @param mixed $domain_id  domainId parameter.
	 * @param mixed $contact_id contactId parameter.
	 * @return int
	 * @throws \CRM_Core_Exception Unknown domain, or contact settings.
	 */
	public static function domain( $domain_id, $contact_id ): int {
		if ( null !== $contact_id ) {
			throw new \CRM_Core_Exception( 'civicrm-standin does not implement contact settings' );
		}
		if ( null === $domain_id || 'all' === $domain_id ) {
			return Session::DOMAIN_ID;
		}
		$invalid = array_diff( array_map( 'strval', (array) $domain_id ), array( (string) Session::DOMAIN_ID ) );
		if ( $invalid ) {
			throw new \CRM_Core_Exception( 'Invalid domain id: ' . implode( ', ', $invalid ) );
		}
		return Session::DOMAIN_ID;
	}

	/**
	 * Refuses unknown setting names.
	 *
	 * @see civicrm-core Civi/Api4/Action/Setting/AbstractSettingAction.php validateSettings()
	 *
	 * @param array<int, string> $names  Names.
	 * @param int                $domain Domain id.
	 * @throws \CRM_Core_Exception Unknown names.
	 */
	public static function validate_names( array $names, int $domain ): void {
		$invalid = array_diff( $names, array_keys( self::metadata() ) );
		if ( $invalid ) {
			throw new \CRM_Core_Exception( "Unknown settings for domain $domain: " . implode( ', ', $invalid ) );
		}
	}

	/**
	 * Runs a setting's validate_callback (Boolean settings become 0/1).
	 *
	 * @see civicrm-core CRM/Core/BAO/Setting.php validateSetting(), validateBoolSetting()
	 *
	 * @param string $name  Name.
	 * @param mixed  $value Value.
	 * @return mixed
	 * @throws \CRM_Core_Exception Invalid value.
	 */
	public static function validate_value( string $name, $value ) {
		$meta = self::metadata()[ $name ];
		if ( 'boolean' === ( $meta['validate_callback'] ?? null ) ) {
			$valid = is_bool( $value ) || in_array( $value, array( 0, 1, '0', '1', 'true', 'false', 'TRUE', 'FALSE', '' ), true ) || null === $value;
			if ( ! $valid ) {
				throw new \CRM_Core_Exception( "Boolean value required for $name" );
			}
			return in_array( $value, array( true, 1, '1', 'true', 'TRUE' ), true ) ? 1 : 0;
		}
		return $value;
	}

	/**
	 * Rows for Setting.getFields.
	 *
	 * @see civicrm-core Civi/Api4/Action/Setting/GetFields.php
	 * @return array<int, array<string, mixed>>
	 */
	public static function field_records(): array {
		$rows = array();
		foreach ( self::metadata() as $name => $meta ) {
			$rows[] = array(
				'name'          => $name,
				'title'         => $meta['title'],
				'type'          => 'Field',
				'data_type'     => $meta['type'],
				'default_value' => $meta['default'],
				'group'         => $meta['group'],
				'options'       => $meta['options'] ?? false,
				'readonly'      => false,
				'is_domain'     => 1,
				'is_contact'    => 0,
			);
		}
		return $rows;
	}
}
