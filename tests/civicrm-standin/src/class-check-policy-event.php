<?php
/**
 * The civi.authx.checkPolicy event.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

/**
 * The event AuthX dispatches before judging a credential against its policy:
 * listeners see the target (flow, credType, contactId, userId) and may reject.
 *
 * @see civicrm-core ext/authx/Civi/Authx/CheckPolicyEvent.php
 * @see civicrm-core ext/authx/Civi/Authx/Authenticator.php checkPolicy()
 */
final class Check_Policy_Event {

	/**
	 * The policy: userMode, allowCreds, guards.
	 *
	 * @var array<string, mixed>
	 */
	public $policy;

	/**
	 * What is being authenticated.
	 *
	 * @var object
	 */
	public $target;

	/**
	 * A listener's reason to refuse.
	 *
	 * @var string|null
	 */
	private $rejection = null;

	/**
	 * Constructor.
	 *
	 * @param array<string, mixed> $policy Policy.
	 * @param object               $target Target.
	 */
	public function __construct( array $policy, $target ) {
		$this->policy = $policy;
		$this->target = $target;
	}

	/**
	 * A listener's reason to refuse, if any.
	 *
	 * @return string|null
	 */
	public function getRejection(): ?string { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- core's name.
		return $this->rejection;
	}

	/**
	 * Refuses the credential.
	 *
	 * @param string $message Reason.
	 */
	public function reject( string $message ): void {
		$this->rejection = $message;
	}
}
