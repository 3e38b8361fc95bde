<?php
/**
 * An AuthX refusal.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

/**
 * AuthX rejects a request by sending "HTTP 401 <message>" as text/plain.
 * The stand-in throws this and lets the endpoint send it.
 *
 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php reject()
 */
final class Authx_Rejection extends \RuntimeException {
}
