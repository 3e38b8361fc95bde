<?php
/**
 * TEST ONLY (see ../composer.json).
 *
 * @package CiviKey\Tests
 */

namespace MJS\TopSort;

/**
 * An element depends on one that was never added.
 */
class ElementNotFoundException extends \Exception {
}
