<?php
/**
 * What one setup run has made so far.
 *
 * @package CiviKey
 */

namespace CiviKey\Integrations;

/**
 * The parts a guided setup made, so a failure can remove exactly those and
 * nothing that existed before.
 */
final class Setup_Parts {

	/**
	 * The service contact, once made.
	 *
	 * @var int|null
	 */
	public $contact_id = null;

	/**
	 * The WordPress user, once made.
	 *
	 * @var int|null
	 */
	public $user_id = null;

	/**
	 * The role, when this run created it (a reused role is not ours to remove).
	 *
	 * @var string|null
	 */
	public $role = null;
}
