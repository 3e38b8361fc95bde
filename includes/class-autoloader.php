<?php
/**
 * Class autoloader.
 *
 * @package CiviKey
 */

namespace CiviKey;

/**
 * Maps `CiviKey\Sub_Space\Class_Name` to `includes/sub-space/class-class-name.php`,
 * the file naming the WordPress coding standards ask for.
 */
final class Autoloader {

	/**
	 * Registers the autoloader for one namespace.
	 *
	 * @param string $root_namespace Namespace served, without leading or trailing backslash.
	 * @param string $directory      Directory that holds that namespace's files.
	 */
	public static function register( string $root_namespace, string $directory ): void {
		$prefix = $root_namespace . '\\';
		spl_autoload_register(
			static function ( string $class_name ) use ( $prefix, $directory ): void {
				if ( 0 !== strpos( $class_name, $prefix ) ) {
					return;
				}
				$file = $directory . '/' . self::relative_path( substr( $class_name, strlen( $prefix ) ) );
				if ( is_readable( $file ) ) {
					require_once $file;
				}
			}
		);
	}

	/**
	 * File path of a class, relative to the namespace's directory.
	 *
	 * @param string $relative_class Class name without the root namespace.
	 * @return string
	 */
	public static function relative_path( string $relative_class ): string {
		$parts   = array_map(
			static function ( string $part ): string {
				return strtolower( str_replace( '_', '-', $part ) );
			},
			explode( '\\', $relative_class )
		);
		$class   = array_pop( $parts );
		$parts[] = 'class-' . $class . '.php';
		return implode( '/', $parts );
	}
}
