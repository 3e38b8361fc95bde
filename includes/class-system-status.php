<?php
/**
 * What CiviKey knows about its surroundings.
 *
 * @package CiviKey
 */

namespace CiviKey;

use CiviKey\CiviCRM\Authx_Settings;
use CiviKey\CiviCRM\Availability;
use CiviKey\CiviCRM\Contact_Directory;
use CiviKey\CiviCRM\Error_Translator;
use CiviKey\CiviCRM\Gateway;

/**
 * Assembles the status shown at the top of Tools → CiviKey (and by the REST
 * status route): is CiviCRM there, is AuthX on, may this person manage keys.
 */
class System_Status {

	/**
	 * CiviCRM gateway.
	 *
	 * @var Gateway
	 */
	private $gateway;

	/**
	 * Contacts, for CiviCRM's verdict on api_key access.
	 *
	 * @var Contact_Directory
	 */
	private $contacts;

	/**
	 * AuthX state.
	 *
	 * @var Authx_Settings
	 */
	private $authx;

	/**
	 * Constructor.
	 *
	 * @param Gateway           $gateway  CiviCRM gateway.
	 * @param Contact_Directory $contacts Contact directory.
	 * @param Authx_Settings    $authx    AuthX state and settings.
	 */
	public function __construct( Gateway $gateway, Contact_Directory $contacts, Authx_Settings $authx ) {
		$this->gateway  = $gateway;
		$this->contacts = $contacts;
		$this->authx    = $authx;
	}

	/**
	 * The status for the current user.
	 *
	 * @return array{civicrm: array{state: string, version: string|null, message: string}, authx: array{state: string, message: string}, access: array{can_manage_keys: bool, capability: string, has_capability: bool, can_edit_api_keys: bool|null, message: string}}
	 */
	public function for_current_user(): array {
		$state             = $this->gateway->availability();
		$can_edit_api_keys = null;
		if ( Availability::READY === $state ) {
			$verdict = $this->contacts->current_user_may_edit_keys();
			if ( is_wp_error( $verdict ) && 503 === ( $verdict->get_error_data()['status'] ?? null ) ) {
				// CiviCRM started but cannot answer (its database is down, say):
				// that is what to fix, not the user's permissions.
				$state = Availability::UNAVAILABLE;
			} else {
				// A refusal to answer counts as no.
				$can_edit_api_keys = true === $verdict;
			}
		}
		$ready = Availability::READY === $state;

		$capability     = Access::capability();
		$has_capability = current_user_can( $capability );

		return array(
			'civicrm' => array(
				'state'   => $state,
				'version' => $this->gateway->version(),
				'message' => Availability::message( $state ),
			),
			'authx'   => $ready ? $this->authx() : array(
				'state'   => 'unknown',
				'message' => __( 'AuthX cannot be checked until CiviCRM is ready.', 'civikey' ),
			),
			'access'  => array(
				'can_manage_keys'   => $has_capability && true === $can_edit_api_keys,
				'capability'        => $capability,
				'has_capability'    => $has_capability,
				'can_edit_api_keys' => $can_edit_api_keys,
				'message'           => $this->access_message( $ready, $has_capability, $can_edit_api_keys, $capability ),
			),
		);
	}

	/**
	 * AuthX, the CiviCRM extension that turns an API key into a login.
	 *
	 * @return array{state: string, message: string}
	 */
	private function authx(): array {
		$state    = $this->authx->state();
		$messages = array(
			'enabled'       => '',
			'unknown'       => __( 'Your CiviCRM account may not list extensions, so CiviKey cannot tell whether AuthX is enabled. A CiviCRM administrator can check under Administer → System Settings → Extensions.', 'civikey' ),
			'disabled'      => __( 'The AuthX extension is disabled, so no API key can authenticate. Enable it under CiviCRM → Administer → System Settings → Extensions.', 'civikey' ),
			'not_installed' => __( 'The AuthX extension is not installed, so no API key can authenticate over REST. Install it under CiviCRM → Administer → System Settings → Extensions.', 'civikey' ),
		);
		return array(
			'state'   => $state,
			'message' => $messages[ $state ],
		);
	}

	/**
	 * Why the current user may not manage keys, or an empty string.
	 *
	 * @param bool      $ready             CiviCRM is ready.
	 * @param bool      $has_capability    The WordPress capability is held.
	 * @param bool|null $can_edit_api_keys CiviCRM's verdict, null when unknown.
	 * @param string    $capability        The WordPress capability.
	 * @return string
	 */
	private function access_message( bool $ready, bool $has_capability, ?bool $can_edit_api_keys, string $capability ): string {
		if ( ! $has_capability ) {
			return sprintf(
				/* translators: %s: a WordPress capability such as manage_options. */
				__( 'Managing API keys needs the WordPress capability "%s". Ask a site administrator.', 'civikey' ),
				$capability
			);
		}
		if ( ! $ready ) {
			return __( 'Your access to API keys can be checked once CiviCRM is ready.', 'civikey' );
		}
		if ( true !== $can_edit_api_keys ) {
			return __( 'CiviCRM does not let your account edit API keys.', 'civikey' ) . ' ' . Error_Translator::permission_fix();
		}
		return '';
	}
}
