<?php
/**
 * Constants WordPress defines at run time, for PHPStan only.
 *
 * @package CiviKey\Tests
 */

define( 'ABSPATH', '/wordpress/' );
define( 'WPINC', 'wp-includes' );
define( 'ARRAY_A', 'ARRAY_A' );
define( 'DAY_IN_SECONDS', 86400 );
define( 'HOUR_IN_SECONDS', 3600 );
