<?php
/**
 * Stand-in for a few of CiviCRM's system helpers.
 *
 * @package CiviCRM_Standin
 */

// phpcs:disable Squiz.Classes.ValidClassName.NotCamelCaps, WordPress.NamingConventions.ValidVariableName -- CiviCRM's names.

/**
 * Version and URL helpers.
 *
 * @see civicrm-core CRM/Utils/System.php
 */
class CRM_Utils_System {

	/** The stand-in's version: the core release it imitates, marked. */
	const STANDIN_VERSION = '6.20.0-standin';

	/**
	 * CiviCRM version string.
	 *
	 * @see civicrm-core CRM/Utils/System.php version()
	 * @return string
	 */
	public static function version() {
		return self::STANDIN_VERSION;
	}

	/**
	 * Builds a CiviCRM URL the way the WordPress integration does, for the
	 * cases CiviKey needs: front-end URLs on the base page (slug `civicrm` in
	 * the stand-in) and admin URLs.
	 *
	 * - Front end, pretty permalinks: <home>/civicrm/<path without "civicrm/">/?<query>
	 * - Front end, plain permalinks:  <home>/?civiwp=CiviCRM&q=<path>&<query>
	 * - Admin (is_admin() and not $frontend, or $forceBackend): wp-admin/admin.php?page=CiviCRM&q=<path>&<query>
	 *
	 * Note the fifth parameter: this static wrapper takes $htmlize before
	 * $frontend and $forceBackend (the user-system method it calls does not),
	 * and HTML-escapes the URL unless $htmlize is FALSE.
	 *
	 * @see civicrm-core CRM/Utils/System.php url()
	 * @see civicrm-core CRM/Utils/System/WordPress.php url()
	 *
	 * @param string|null       $path         CiviCRM path, e.g. civicrm/ajax/api4/Contact/get.
	 * @param string|array|null $query        Query string or array.
	 * @param bool              $absolute     Absolute URL (the stand-in always builds absolute ones).
	 * @param string|null       $fragment     Fragment.
	 * @param bool              $htmlize      HTML-escape the result.
	 * @param bool              $frontend     Build a front-end URL.
	 * @param bool              $forceBackend Build an admin URL.
	 * @return string
	 */
	public static function url( $path = '', $query = '', $absolute = false, $fragment = null, $htmlize = true, $frontend = false, $forceBackend = false ) {
		$url = self::wordpress_url( (string) $path, is_array( $query ) ? http_build_query( $query ) : (string) $query, $fragment, (bool) $frontend, (bool) $forceBackend );
		return $htmlize ? htmlentities( $url ) : $url;
	}

	/**
	 * The WordPress user system's url().
	 *
	 * @param string      $path          Path.
	 * @param string      $query         Query string.
	 * @param string|null $fragment      Fragment.
	 * @param bool        $frontend      Front end.
	 * @param bool        $force_backend Admin.
	 * @return string
	 */
	private static function wordpress_url( string $path, string $query, $fragment, bool $frontend, bool $force_backend ): string {
		$fragment = isset( $fragment ) ? '#' . $fragment : '';
		$admin    = ( is_admin() && ! $frontend ) || $force_backend;
		if ( $admin ) {
			$parts = array( 'page=CiviCRM' );
			if ( '' !== $path ) {
				$parts[] = 'q=' . rawurlencode( $path );
			}
			if ( '' !== $query ) {
				$parts[] = $query;
			}
			return admin_url( 'admin.php' ) . '?' . implode( '&', $parts ) . $fragment;
		}
		if ( '' !== (string) get_option( 'permalink_structure' ) ) {
			$base = trailingslashit( home_url( '/civicrm' ) );
			if ( '' !== $path ) {
				$base = trailingslashit( $base ) . str_replace( 'civicrm/', '', $path ) . '/';
			}
			$query = ltrim( $query, '=?&' );
			return $base . ( '' !== $query ? '?' . $query : '' ) . $fragment;
		}
		$parts = array();
		if ( '' !== $path ) {
			$parts[] = 'civiwp=CiviCRM';
			$parts[] = 'q=' . rawurlencode( $path );
		}
		if ( '' !== $query ) {
			$parts[] = $query;
		}
		return home_url( '/' ) . ( $parts ? '?' . implode( '&', $parts ) : '' ) . $fragment;
	}
}
