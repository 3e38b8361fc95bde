<?php
/**
 * Setting, rotating and revoking keys.
 *
 * @package CiviKey
 */

namespace CiviKey\Keys;

use CiviKey\CiviCRM\Contact_Directory;
use CiviKey\CiviCRM\Gateway;
use WP_Error;

/**
 * The key lifecycle, shared by the REST routes and the command line.
 *
 * CiviCRM decides whether the current user may touch api_key: every read and
 * write goes through the API with permission checks on, and its refusal comes
 * back as a 403 with a sentence to act on.
 */
class Key_Service {

	public const ACTION_SET    = 'set';
	public const ACTION_ROTATE = 'rotate';
	public const ACTION_REVOKE = 'revoke';

	/**
	 * Contact directory.
	 *
	 * @var Contact_Directory
	 */
	private $contacts;

	/**
	 * CiviCRM gateway, for the site key.
	 *
	 * @var Gateway
	 */
	private $gateway;

	/**
	 * Lock around key changes.
	 *
	 * @var Key_Lock
	 */
	private $lock;

	/**
	 * Constructor.
	 *
	 * @param Contact_Directory $contacts Contact directory.
	 * @param Gateway           $gateway  CiviCRM gateway.
	 * @param Key_Lock          $lock     Lock around key changes.
	 */
	public function __construct( Contact_Directory $contacts, Gateway $gateway, Key_Lock $lock ) {
		$this->contacts = $contacts;
		$this->gateway  = $gateway;
		$this->lock     = $lock;
	}

	/**
	 * Gives a contact a key, or replaces its key.
	 *
	 * @param int   $contact_id Contact ID.
	 * @param mixed $key        The new key.
	 * @param bool  $replace    The admin confirmed replacing an existing key.
	 * @return array{action: string, contact: array<string, mixed>}|WP_Error
	 */
	public function set_key( int $contact_id, $key, bool $replace ) {
		$usable = $this->check_usable( $key );
		if ( is_wp_error( $usable ) ) {
			return $usable;
		}
		$key = (string) $key;
		return $this->lock->run(
			function () use ( $contact_id, $key, $replace ) {
				$current = $this->contacts->stored_key( $contact_id );
				if ( is_wp_error( $current ) ) {
					return $current;
				}
				if ( null !== $current && ! $replace ) {
					return new WP_Error(
						'civikey_key_exists',
						__( 'This contact already has a key. Replacing it stops whatever uses the old key; confirm the replacement to go ahead.', 'civikey' ),
						array( 'status' => 409 )
					);
				}
				$holders = $this->contacts->count_other_holders( $key, $contact_id );
				if ( is_wp_error( $holders ) ) {
					return $holders;
				}
				if ( $holders > 0 ) {
					return self::taken();
				}
				$written = $this->contacts->write_key( $contact_id, $key );
				if ( is_wp_error( $written ) ) {
					return $written;
				}
				return $this->outcome( $contact_id, null === $current ? self::ACTION_SET : self::ACTION_ROTATE );
			}
		);
	}

	/**
	 * Whether a key could be given to a new contact: well formed, not the
	 * site key, held by nobody. A setup asks before it makes anything, so a
	 * bad key costs nothing to undo; set_key asks again under the lock.
	 *
	 * @param mixed $key The key.
	 * @return true|WP_Error
	 */
	public function check_new_key( $key ) {
		$usable = $this->check_usable( $key );
		if ( is_wp_error( $usable ) ) {
			return $usable;
		}
		$holders = $this->contacts->count_other_holders( (string) $key, 0 );
		if ( is_wp_error( $holders ) ) {
			return $holders;
		}
		return $holders > 0 ? self::taken() : true;
	}

	/**
	 * Form and site-key rules, which need no lock.
	 *
	 * @param mixed $key The key.
	 * @return true|WP_Error
	 */
	private function check_usable( $key ) {
		$form = Key_Policy::check_form( $key );
		if ( is_wp_error( $form ) ) {
			return $form;
		}
		$site_key = $this->gateway->site_key();
		if ( null !== $site_key && hash_equals( $site_key, (string) $key ) ) {
			return new WP_Error(
				'civikey_key_is_site_key',
				__( 'That is CiviCRM\'s site key, which must stay secret and separate from API keys. Generate a new key instead.', 'civikey' ),
				array( 'status' => 422 )
			);
		}
		return true;
	}

	/**
	 * The refusal for a key another contact holds. Which contact is not
	 * said: that would tell the admin another contact's key.
	 *
	 * @return WP_Error
	 */
	private static function taken(): WP_Error {
		return new WP_Error(
			'civikey_key_taken',
			__( 'Another contact already uses this key, and CiviCRM could not tell the two apart when it is used. Generate a new key.', 'civikey' ),
			array( 'status' => 409 )
		);
	}

	/**
	 * Removes a contact's key.
	 *
	 * @param int $contact_id Contact ID.
	 * @return array{action: string, contact: array<string, mixed>}|WP_Error
	 */
	public function revoke( int $contact_id ) {
		return $this->lock->run(
			function () use ( $contact_id ) {
				$current = $this->contacts->stored_key( $contact_id );
				if ( is_wp_error( $current ) ) {
					return $current;
				}
				if ( null === $current ) {
					return new WP_Error(
						'civikey_no_key',
						__( 'This contact has no key to revoke.', 'civikey' ),
						array( 'status' => 409 )
					);
				}
				$written = $this->contacts->write_key( $contact_id, null );
				if ( is_wp_error( $written ) ) {
					return $written;
				}
				return $this->outcome( $contact_id, self::ACTION_REVOKE );
			}
		);
	}

	/**
	 * The contact as it now is, with what was done.
	 *
	 * @param int    $contact_id Contact ID.
	 * @param string $action     One of the ACTION_ constants.
	 * @return array{action: string, contact: array<string, mixed>}|WP_Error
	 */
	private function outcome( int $contact_id, string $action ) {
		$contact = $this->contacts->get( $contact_id );
		if ( is_wp_error( $contact ) ) {
			return $contact;
		}
		/**
		 * Fires after CiviKey set, rotated or revoked a key. The key itself is
		 * deliberately not passed.
		 *
		 * @param string $action     set, rotate or revoke.
		 * @param int    $contact_id Contact ID.
		 */
		do_action( 'civikey_key_changed', $action, $contact_id );
		return array(
			'action'  => $action,
			'contact' => $contact,
		);
	}
}
