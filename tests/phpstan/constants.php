<?php
/**
 * Constants WordPress defines at run time, for PHPStan only.
 *
 * @package CiviKey\Tests
 */

define( 'ABSPATH', '/wordpress/' );
define( 'WPINC', 'wp-includes' );
