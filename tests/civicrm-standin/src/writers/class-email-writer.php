<?php
/**
 * Writes emails.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Writers;

use CiviCRM_Standin\Database;
use CiviCRM_Standin\Entities\Email_Entity;

/**
 * Email create/update/delete: one primary email per contact, addresses
 * stored in lower case, and a nameless contact named after its primary email.
 *
 * @see civicrm-core CRM/Core/BAO/Email.php self_hook_civicrm_pre(), self_hook_civicrm_post(), updateContactName()
 * @see civicrm-core CRM/Core/BAO/Block.php handlePrimary()
 */
final class Email_Writer extends Record_Writer {

	/**
	 * API create.
	 *
	 * @param array<string, mixed> $values            Values.
	 * @param bool                 $check_permissions checkPermissions (row check already done).
	 * @return array<string, mixed>
	 */
	public static function create( array $values, bool $check_permissions ): array {
		return self::insert( $values );
	}

	/**
	 * Inserts an email.
	 *
	 * @param array<string, mixed> $values Values.
	 * @return array<string, mixed> Saved record.
	 */
	public static function insert( array $values ): array {
		// The default location type, as EmailCreationSpecProvider sets it.
		$values += array( 'location_type_id' => 1 );
		if ( isset( $values['email'] ) && is_string( $values['email'] ) ) {
			$values['email'] = mb_strtolower( $values['email'] );
		}
		$values  = self::handle_primary( $values );
		$columns = self::columns( Email_Entity::class, $values );
		$id      = self::insert_row( Email_Entity::class, $columns );
		self::after_save( $id );
		return self::output( Email_Entity::class, (array) self::fetch_row( Email_Entity::class, $id ), array_keys( $values ) );
	}

	/**
	 * API update.
	 *
	 * @param array<int, array<string, mixed>> $items             Records with ids.
	 * @param bool                             $check_permissions checkPermissions.
	 * @return array<int, array<string, mixed>>
	 */
	public static function update( array $items, bool $check_permissions ): array {
		$out = array();
		foreach ( $items as $item ) {
			$id = (int) $item['id'];
			if ( isset( $item['email'] ) && is_string( $item['email'] ) ) {
				$item['email'] = mb_strtolower( $item['email'] );
			}
			$item    = self::handle_primary( $item );
			$columns = self::columns( Email_Entity::class, $item );
			self::update_row( Email_Entity::class, $id, $columns );
			self::after_save( $id );
			$out[] = self::output( Email_Entity::class, array( 'id' => $id ) + $columns, array_merge( array( 'id' ), array_keys( $item ) ) );
		}
		return $out;
	}

	/**
	 * API delete.
	 *
	 * @param array<int, array<string, mixed>> $items             Records with ids.
	 * @param bool                             $check_permissions checkPermissions.
	 * @param bool                             $use_trash         Unused.
	 * @return array<int, array{id: int}>
	 */
	public static function delete( array $items, bool $check_permissions, bool $use_trash ): array {
		$out = array();
		foreach ( $items as $item ) {
			Database::instance()->execute( 'DELETE FROM civicrm_email WHERE id = ?', array( (int) $item['id'] ) );
			$out[] = array( 'id' => (int) $item['id'] );
		}
		return $out;
	}

	/**
	 * Sets (or with null removes) a contact's primary email, for
	 * Contact create/update with email_primary.email.
	 *
	 * @param int         $contact_id Contact.
	 * @param string|null $email      Address.
	 */
	public static function set_primary( int $contact_id, ?string $email ): void {
		$db = Database::instance();
		$id = $db->fetch_value( 'SELECT id FROM civicrm_email WHERE contact_id = ? AND is_primary = 1 LIMIT 1', array( $contact_id ) );
		if ( null === $email ) {
			if ( null !== $id ) {
				$db->execute( 'DELETE FROM civicrm_email WHERE id = ?', array( (int) $id ) );
			}
			return;
		}
		if ( null === $id ) {
			self::insert(
				array(
					'contact_id' => $contact_id,
					'email'      => $email,
					'is_primary' => 1,
				)
			);
			return;
		}
		self::update(
			array(
				array(
					'id'    => (int) $id,
					'email' => $email,
				),
			),
			false
		);
	}

	/**
	 * One primary per contact: a new primary demotes the others; the first
	 * email of a contact becomes primary; if no existing email is primary,
	 * the oldest existing one is promoted.
	 *
	 * @see civicrm-core CRM/Core/BAO/Block.php handlePrimary()
	 * @param array<string, mixed> $values Values (with id on update).
	 * @return array<string, mixed>
	 */
	private static function handle_primary( array $values ): array {
		$db = Database::instance();
		if ( isset( $values['id'] ) && ! isset( $values['is_primary'] ) ) {
			return $values;
		}
		$contact_id = (int) ( $values['contact_id'] ?? 0 );
		if ( ! empty( $values['id'] ) && ! isset( $values['contact_id'] ) ) {
			$contact_id = (int) $db->fetch_value( 'SELECT contact_id FROM civicrm_email WHERE id = ?', array( (int) $values['id'] ) );
		}
		if ( ! $contact_id ) {
			return $values;
		}
		if ( ! empty( $values['is_primary'] ) ) {
			$db->execute( 'UPDATE civicrm_email SET is_primary = 0 WHERE contact_id = ? AND id <> ?', array( $contact_id, (int) ( $values['id'] ?? 0 ) ) );
			return $values;
		}
		$existing = $db->fetch_all( 'SELECT id, is_primary FROM civicrm_email WHERE contact_id = ? ORDER BY is_primary DESC, id ASC LIMIT 1', array( $contact_id ) );
		if ( ! $existing || ( ! empty( $values['id'] ) && (int) $existing[0]['id'] === (int) $values['id'] ) ) {
			$values['is_primary'] = 1;
			return $values;
		}
		if ( 1 !== (int) $existing[0]['is_primary'] ) {
			$db->execute( 'UPDATE civicrm_email SET is_primary = 1 WHERE id = ?', array( (int) $existing[0]['id'] ) );
		}
		return $values;
	}

	/**
	 * A contact without a name takes its primary email as display and sort name.
	 *
	 * @see civicrm-core CRM/Core/BAO/Email.php updateContactName()
	 * @param int $email_id Saved email.
	 */
	private static function after_save( int $email_id ): void {
		$db  = Database::instance();
		$row = $db->fetch_all( 'SELECT contact_id, email, is_primary FROM civicrm_email WHERE id = ?', array( $email_id ) );
		if ( ! $row || ! $row[0]['contact_id'] || ! $row[0]['is_primary'] || '' === (string) $row[0]['email'] ) {
			return;
		}
		$db->execute(
			"UPDATE civicrm_contact SET display_name = ?, sort_name = ? WHERE id = ?
			AND COALESCE(first_name, '') = '' AND COALESCE(last_name, '') = '' AND COALESCE(organization_name, '') = '' AND COALESCE(household_name, '') = ''",
			array( $row[0]['email'], $row[0]['email'], (int) $row[0]['contact_id'] )
		);
	}
}
