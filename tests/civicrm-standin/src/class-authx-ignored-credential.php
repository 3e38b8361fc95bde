<?php
/**
 * A credential AuthX decided to ignore.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

/**
 * Thrown for an HTTP Authorization header that is probably meant for a
 * firewall (Basic/Digest while passwords are not accepted); the next flow is
 * tried instead.
 *
 * @see civicrm-core ext/authx/Civi/Authx/IgnoreImprovisedFirewall.php
 * @see civicrm-core ext/authx/Civi/Authx/IgnoreCredentialException.php
 */
final class Authx_Ignored_Credential extends \RuntimeException {
}
