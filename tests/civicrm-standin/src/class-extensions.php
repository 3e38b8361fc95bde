<?php
/**
 * CiviCRM extensions the stand-in reports.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

/**
 * Only AuthX, which ships with core (tagged mgmt:required) and is enabled
 * on new installs. Tests flip its status with the option
 * `civicrm_standin_authx_status`: installed (= enabled), disabled,
 * uninstalled.
 *
 * @see civicrm-core ext/authx/info.xml
 * @see civicrm-core CRM/Extension/Manager.php STATUS_* constants
 * @see civicrm-core CRM/Extension/System.php createExtendedInfo()
 */
final class Extensions {

	/** Option holding AuthX's status. */
	public const AUTHX_OPTION = 'civicrm_standin_authx_status';

	/** Status labels. @see civicrm-core CRM/Extension/System.php createExtendedInfo() */
	private const STATUS_LABELS = array(
		'installed'   => 'Enabled',
		'disabled'    => 'Disabled',
		'uninstalled' => '',
	);

	/**
	 * Status of an extension.
	 *
	 * @param string $key Extension key.
	 * @return string|null installed, disabled, uninstalled, or null when unknown.
	 */
	public static function status( string $key ): ?string {
		if ( 'authx' !== $key ) {
			return null;
		}
		$status = (string) get_option( self::AUTHX_OPTION, 'installed' );
		return isset( self::STATUS_LABELS[ $status ] ) ? $status : 'installed';
	}

	/**
	 * Whether an extension is installed and enabled.
	 *
	 * @param string $key Extension key.
	 * @return bool
	 */
	public static function is_enabled( string $key ): bool {
		return 'installed' === self::status( $key );
	}

	/**
	 * Rows for Extension.get.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public static function rows(): array {
		$status  = (string) self::status( 'authx' );
		$version = preg_replace( '/-standin$/', '', \CRM_Utils_System::version() );
		return array(
			array(
				'key'           => 'authx',
				'type'          => 'module',
				'name'          => 'AuthX',
				'label'         => 'AuthX',
				'file'          => 'authx',
				'description'   => 'Extended authentication for external systems',
				'version'       => $version,
				'tags'          => array( 'mgmt:required' ),
				'path'          => '',
				'releaseDate'   => null,
				'compatibility' => array( implode( '.', array_slice( explode( '.', $version ), 0, 2 ) ) ),
				'develStage'    => 'stable',
				'urls'          => array(
					'Documentation' => 'https://docs.civicrm.org/dev/en/latest/framework/authx/',
					'Licensing'     => 'http://www.gnu.org/licenses/agpl-3.0.html',
				),
				'authors'       => array(
					array(
						'name'  => 'Tim Otten',
						'email' => 'totten@civicrm.org',
						'role'  => 'Maintainer',
					),
				),
				'license'       => 'AGPL-3.0',
				'comments'      => 'AuthX enables remote applications to connect to CiviCRM. Use it to enable and disable different forms of authentication (such as username-password, API key, and/or JWT).',
				'status'        => $status,
				'statusLabel'   => self::STATUS_LABELS[ $status ],
			),
		);
	}

	/**
	 * Rows for Extension.getFields.
	 *
	 * @see civicrm-core Civi/Api4/Extension.php getFields()
	 * @return array<int, array<string, mixed>>
	 */
	public static function field_records(): array {
		$fields = array(
			'key'           => 'Long, unique extension identifier',
			'file'          => 'Short, unique extension identifier',
			'label'         => 'User-facing extension title',
			'description'   => 'Additional information about the extension',
			'version'       => 'Current version number (string)',
			'tags'          => "Tags which characterize the extension's purpose or functionality",
			'path'          => 'Absolute file path',
			'releaseDate'   => 'Release date',
			'compatibility' => 'CiviCRM compatibility',
			'develStage'    => 'Development stage',
			'urls'          => 'URLs for extension page, documentation, licensing and support',
			'authors'       => 'Authors',
			'license'       => 'License',
			'comments'      => 'Comments',
			'status'        => 'Extension enabled/disabled/uninstalled status',
		);
		$rows   = array();
		foreach ( $fields as $name => $description ) {
			$rows[] = array(
				'entity'      => 'Extension',
				'type'        => 'Field',
				'name'        => $name,
				'title'       => ucwords( str_replace( '_', ' ', $name ) ),
				'description' => $description,
				'data_type'   => in_array( $name, array( 'tags', 'urls', 'authors' ), true ) ? 'Array' : 'String',
				'options'     => 'status' === $name ? array(
					'uninstalled'       => 'Uninstalled',
					'disabled'          => 'Disabled',
					'installed'         => 'Enabled',
					'disabled-missing'  => 'Disabled (Missing)',
					'installed-missing' => 'Enabled (Missing)',
				) : false,
			);
		}
		return $rows;
	}
}
