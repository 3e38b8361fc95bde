<?php
/**
 * TEST ONLY (see ../composer.json).
 *
 * @package CiviKey\Tests
 */

namespace MJS\TopSort;

/**
 * Two elements depend on each other, directly or through others.
 */
class CircularDependencyException extends \Exception {
}
