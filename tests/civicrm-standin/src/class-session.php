<?php
/**
 * Who is logged in, in CiviCRM terms.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

/**
 * CiviCRM's session keeps the logged-in contact id, set when
 * civicrm_initialize() synchronises the current WordPress user with a
 * contact through UFMatch. The stand-in derives it from the current user on
 * every call instead, so tests can switch users with wp_set_current_user().
 *
 * @see civicrm-core CRM/Core/Session.php getLoggedInContactID()
 * @see civicrm-core CRM/Core/BAO/UFMatch.php getContactId(), getUFId()
 */
final class Session {

	/** CiviCRM's domain; the stand-in has exactly one. */
	public const DOMAIN_ID = 1;

	/**
	 * Cache: uf_id => contact_id|null.
	 *
	 * @var array<int, int|null>
	 */
	private static $contact_by_user = array();

	/**
	 * Cache: contact_id => uf_id|null.
	 *
	 * @var array<int, int|null>
	 */
	private static $user_by_contact = array();

	/**
	 * The contact of the current WordPress user, or null (anonymous, or a user
	 * with no contact).
	 *
	 * @return int|null
	 */
	public static function logged_in_contact_id(): ?int {
		$user_id = get_current_user_id();
		if ( ! $user_id ) {
			return null;
		}
		$contact_id = self::contact_id_for_uf( $user_id );
		if ( null === $contact_id && User_Sync::enabled() ) {
			// civicrm_initialize() would have synchronised this user.
			User_Sync::synchronize( $user_id );
			$contact_id = self::contact_id_for_uf( $user_id );
		}
		return $contact_id;
	}

	/**
	 * Contact linked to a WordPress user.
	 *
	 * @param int $uf_id WordPress user id.
	 * @return int|null
	 */
	public static function contact_id_for_uf( int $uf_id ): ?int {
		if ( ! array_key_exists( $uf_id, self::$contact_by_user ) ) {
			$value                           = Database::instance()->fetch_value(
				'SELECT contact_id FROM civicrm_uf_match WHERE uf_id = ? AND domain_id = ? LIMIT 1',
				array( $uf_id, self::DOMAIN_ID )
			);
			self::$contact_by_user[ $uf_id ] = null === $value ? null : (int) $value;
		}
		return self::$contact_by_user[ $uf_id ];
	}

	/**
	 * WordPress user linked to a contact.
	 *
	 * @param int $contact_id Contact id.
	 * @return int|null
	 */
	public static function uf_id_for_contact( int $contact_id ): ?int {
		if ( ! array_key_exists( $contact_id, self::$user_by_contact ) ) {
			$value                                = Database::instance()->fetch_value(
				'SELECT uf_id FROM civicrm_uf_match WHERE contact_id = ? AND domain_id = ? LIMIT 1',
				array( $contact_id, self::DOMAIN_ID )
			);
			self::$user_by_contact[ $contact_id ] = null === $value ? null : (int) $value;
		}
		return self::$user_by_contact[ $contact_id ];
	}

	/**
	 * Forgets cached links (after any UFMatch or contact write).
	 */
	public static function flush(): void {
		self::$contact_by_user = array();
		self::$user_by_contact = array();
	}
}
