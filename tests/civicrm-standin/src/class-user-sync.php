<?php
/**
 * WordPress user <-> CiviCRM contact synchronisation.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

use CiviCRM_Standin\Writers\Contact_Writer;

/**
 * Like civicrm-wordpress, makes sure every WordPress user it sees has a contact:
 * when CiviCRM initialises for a logged-in user, when a user registers and
 * when a profile is updated. It links an existing contact that has the
 * user's email, or creates an Individual. Deleting the user deletes the
 * UFMatch row but keeps the contact.
 *
 * Switch it off with the option `civicrm_standin_sync_users` = `no` to test
 * users that have no contact.
 *
 * @see civicrm-wordpress includes/civicrm.users.php update_user(), sync_user(), delete_user_ufmatch()
 * @see civicrm-core CRM/Core/BAO/UFMatch.php synchronize(), synchronizeUFMatch(), deleteUser()
 */
final class User_Sync {

	/** Option switch. */
	public const OPTION = 'civicrm_standin_sync_users';

	/**
	 * Hooks the user events, as civicrm-wordpress's register_hooks() does
	 * (only when CiviCRM is installed).
	 */
	public static function register_hooks(): void {
		add_action( 'user_register', array( self::class, 'on_user_saved' ) );
		add_action( 'profile_update', array( self::class, 'on_user_saved' ) );
		add_action( 'deleted_user', array( self::class, 'on_user_deleted' ) );
	}

	/**
	 * Whether synchronisation is on.
	 *
	 * @return bool
	 */
	public static function enabled(): bool {
		return 'no' !== get_option( self::OPTION, 'yes' );
	}

	/**
	 * Callback for user_register / profile_update.
	 *
	 * @param int $user_id User id.
	 */
	public static function on_user_saved( $user_id ): void {
		if ( self::enabled() && Plugin::initialize() ) {
			self::synchronize( (int) $user_id );
		}
	}

	/**
	 * Callback for deleted_user: the UFMatch row goes, the contact stays.
	 *
	 * @param int $user_id User id.
	 */
	public static function on_user_deleted( $user_id ): void {
		if ( ! Plugin::initialize() ) {
			return;
		}
		Database::instance()->execute(
			'DELETE FROM civicrm_uf_match WHERE uf_id = ? AND domain_id = ?',
			array( (int) $user_id, Session::DOMAIN_ID )
		);
		Session::flush();
	}

	/**
	 * Ensures a UFMatch row for the user, linking or creating a contact.
	 *
	 * @param int $user_id User id.
	 */
	public static function synchronize( int $user_id ): void {
		$user = get_userdata( $user_id );
		if ( ! $user ) {
			return;
		}
		$db = Database::instance();
		if ( null !== Session::contact_id_for_uf( $user_id ) ) {
			return;
		}
		$uniq_id = (string) $user->user_email;

		// matchContactOnEmail(): a live Individual with that email, primary first.
		$contact_id = $db->fetch_value(
			'SELECT c.id FROM civicrm_contact c INNER JOIN civicrm_email e ON c.id = e.contact_id
			WHERE e.email = ? AND c.is_deleted = 0 AND c.contact_type = ? ORDER BY e.is_primary DESC, c.id ASC LIMIT 1',
			array( mb_strtolower( trim( $uniq_id ) ), 'Individual' )
		);
		if ( null !== $contact_id && null !== Session::uf_id_for_contact( (int) $contact_id ) ) {
			// That contact already belongs to another user: make a new one.
			$contact_id = null;
		}
		if ( null === $contact_id ) {
			$values = array(
				'contact_type'        => 'Individual',
				'email_primary.email' => $uniq_id,
			);
			if ( $user->first_name ) {
				$values['first_name'] = $user->first_name;
			}
			if ( $user->last_name ) {
				$values['last_name'] = $user->last_name;
			}
			$contact_id = Contact_Writer::insert( $values )['id'];
		}

		// Core refuses to link when the contact, the email or the user is
		// already matched ("Contact ID %1 is a match for %2 user %3 but has
		// already been matched to %4") and carries on without a link.
		$conflict = $db->fetch_value(
			'SELECT uf_id FROM civicrm_uf_match WHERE (contact_id = ? OR uf_name = ? OR uf_id = ?) AND domain_id = ? LIMIT 1',
			array( (int) $contact_id, $uniq_id, $user_id, Session::DOMAIN_ID )
		);
		if ( null === $conflict ) {
			$db->insert(
				'INSERT INTO civicrm_uf_match (domain_id, uf_id, uf_name, contact_id) VALUES (?, ?, ?, ?)',
				array( Session::DOMAIN_ID, $user_id, $uniq_id, (int) $contact_id )
			);
		}
		Session::flush();
	}
}
