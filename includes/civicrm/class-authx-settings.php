<?php
/**
 * AuthX settings.
 *
 * @package CiviKey
 */

namespace CiviKey\CiviCRM;

use WP_Error;

/**
 * Reads how CiviCRM's AuthX extension is configured: which credentials each
 * flow accepts, the user mode of each flow, and the guards.
 *
 * The defaults below are AuthX's own (ext/authx/settings/authx.setting.php);
 * they apply when a setting was never saved.
 */
class Authx_Settings {

	/**
	 * HTTP flows a REST client can use, in the order CiviKey recommends them.
	 */
	public const HTTP_FLOWS = array( 'xheader', 'header', 'param', 'legacyrest' );

	/**
	 * CiviCRM gateway.
	 *
	 * @var Gateway
	 */
	private $gateway;

	/**
	 * Constructor.
	 *
	 * @param Gateway $gateway CiviCRM gateway.
	 */
	public function __construct( Gateway $gateway ) {
		$this->gateway = $gateway;
	}

	/**
	 * Whether AuthX is installed and enabled.
	 *
	 * @return string enabled, disabled, not_installed, or unknown when the
	 *                current user may not list extensions.
	 */
	public function state(): string {
		$extensions = $this->gateway->call(
			'Extension',
			'get',
			array(
				'select' => array( 'key', 'status' ),
				'where'  => array( array( 'key', '=', 'authx' ) ),
			)
		);
		if ( is_wp_error( $extensions ) ) {
			return 'unknown';
		}
		$status = isset( $extensions[0]['status'] ) ? (string) $extensions[0]['status'] : 'uninstalled';
		if ( 'installed' === $status ) {
			return 'enabled';
		}
		if ( 'disabled' === $status || 'disabled-missing' === $status ) {
			return 'disabled';
		}
		return 'not_installed';
	}

	/**
	 * The settings, in one Setting.get call.
	 *
	 * @return array{guards: array<int, string>, flows: array<string, array{credentials: array<int, string>, user_mode: string}>}|WP_Error
	 */
	public function read() {
		$names = array( 'authx_guards' );
		foreach ( self::HTTP_FLOWS as $flow ) {
			$names[] = "authx_{$flow}_cred";
			$names[] = "authx_{$flow}_user";
		}
		$rows = $this->gateway->call( 'Setting', 'get', array( 'select' => $names ) );
		if ( is_wp_error( $rows ) ) {
			return $rows;
		}
		$values = array();
		foreach ( $rows as $row ) {
			$values[ (string) $row['name'] ] = $row['value'] ?? null;
		}
		$flows = array();
		foreach ( self::HTTP_FLOWS as $flow ) {
			$flows[ $flow ] = array(
				'credentials' => self::as_list( $values[ "authx_{$flow}_cred" ] ?? null ),
				'user_mode'   => isset( $values[ "authx_{$flow}_user" ] ) && is_string( $values[ "authx_{$flow}_user" ] ) ? $values[ "authx_{$flow}_user" ] : 'optional',
			);
		}
		return array(
			'guards' => self::as_list( $values['authx_guards'] ?? null ),
			'flows'  => $flows,
		);
	}

	/**
	 * A setting value as a list of strings.
	 *
	 * @param mixed $value Setting value.
	 * @return array<int, string>
	 */
	private static function as_list( $value ): array {
		if ( is_string( $value ) ) {
			// Array settings can arrive serialised with CiviCRM's separator.
			$value = array_filter(
				explode( "\x01", trim( $value, "\x01" ) ),
				static function ( string $part ): bool {
					return '' !== $part;
				}
			);
		}
		return is_array( $value ) ? array_values( array_map( 'strval', $value ) ) : array();
	}
}
