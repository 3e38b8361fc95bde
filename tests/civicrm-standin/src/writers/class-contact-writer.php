<?php
/**
 * Writes contacts.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Writers;

use CiviCRM_Standin\Database;
use CiviCRM_Standin\Entities\Contact_Entity;
use CiviCRM_Standin\Permissions;
use CiviCRM_Standin\Session;
use CiviCRM_Standin\Settings;

/**
 * Contact create/update/delete with the rules CiviKey depends on.
 *
 * @see civicrm-core CRM/Contact/BAO/Contact.php create(), add(), deleteContact()
 * @see civicrm-core Civi/Api4/Action/Contact/ContactSaveTrait.php
 */
final class Contact_Writer extends Record_Writer {

	/**
	 * API create.
	 *
	 * @param array<string, mixed> $values            Values.
	 * @param bool                 $check_permissions checkPermissions.
	 * @return array<string, mixed> Saved record.
	 */
	public static function create( array $values, bool $check_permissions ): array {
		$values = self::guard_api_key( $values, $check_permissions, null );
		return self::insert( $values );
	}

	/**
	 * Inserts a contact without permission checks (API create, user sync).
	 *
	 * Guesses contact_type like ContactSaveTrait, computes display_name and
	 * sort_name like CRM_Contact_BAO_Individual::format() with the default
	 * name formats (Individual: "First Last" / "Last, First", falling back
	 * to the email; Organization/Household: their name), makes a hash and
	 * stamps created_date (a trigger in core). `email_primary.email` creates
	 * the primary email (lower-cased, as CRM_Core_BAO_Email does).
	 *
	 * @param array<string, mixed> $values Values.
	 * @return array<string, mixed> Saved record.
	 */
	public static function insert( array $values ): array {
		if ( empty( $values['contact_type'] ) ) {
			$values['contact_type'] = ! empty( $values['organization_name'] ) ? 'Organization' : ( ! empty( $values['household_name'] ) ? 'Household' : 'Individual' );
		}
		$email   = isset( $values['email_primary.email'] ) && '' !== trim( (string) $values['email_primary.email'] ) ? mb_strtolower( trim( (string) $values['email_primary.email'] ) ) : null;
		$columns = self::columns( Contact_Entity::class, $values );
		$columns = array_merge( $columns, self::names( $columns + array( 'contact_type' => $values['contact_type'] ), $email, $values ) );
		if ( empty( $columns['hash'] ) ) {
			$columns['hash'] = bin2hex( random_bytes( 16 ) );
		}
		$id = self::insert_row( Contact_Entity::class, $columns, array( 'created_date' ) );
		if ( null !== $email ) {
			Email_Writer::insert(
				array(
					'contact_id' => $id,
					'email'      => $email,
					'is_primary' => 1,
				)
			);
		}
		return self::output( Contact_Entity::class, (array) self::fetch_row( Contact_Entity::class, $id ), array_keys( $values ) );
	}

	/**
	 * API update of one or more records (each has an id).
	 *
	 * An id that does not exist is "updated" without error, as in core, where
	 * the DAO's UPDATE simply matches no row.
	 *
	 * @param array<int, array<string, mixed>> $items             Records.
	 * @param bool                             $check_permissions checkPermissions.
	 * @return array<int, array<string, mixed>>
	 */
	public static function update( array $items, bool $check_permissions ): array {
		$out = array();
		foreach ( $items as $item ) {
			$id       = (int) $item['id'];
			$item     = self::guard_api_key( $item, $check_permissions, $id );
			$existing = self::fetch_row( Contact_Entity::class, $id );
			$columns  = self::columns( Contact_Entity::class, $item );
			$email    = null;
			if ( array_key_exists( 'email_primary.email', $item ) ) {
				$email = '' === trim( (string) $item['email_primary.email'] ) ? null : mb_strtolower( trim( (string) $item['email_primary.email'] ) );
				Email_Writer::set_primary( $id, $email );
			}
			if ( $existing ) {
				$merged  = array_merge( $existing, $columns );
				$email   = $email ?? Database::instance()->fetch_value( 'SELECT email FROM civicrm_email WHERE contact_id = ? AND is_primary = 1 LIMIT 1', array( $id ) );
				$columns = array_merge( $columns, self::names( $merged, $email, $item ) );
			}
			self::update_row( Contact_Entity::class, $id, $columns );
			$record = array( 'id' => $id ) + $columns;
			if ( $existing ) {
				$record += array( 'contact_type' => $existing['contact_type'] );
			}
			$out[] = self::output( Contact_Entity::class, $record, array_merge( array( 'id' ), array_keys( $item ) ) );
		}
		Session::flush();
		return $out;
	}

	/**
	 * API delete: to the trash (is_deleted = 1) unless useTrash is FALSE or
	 * the contact_undelete setting is off. A contact still linked to a
	 * WordPress user cannot be deleted for good: "Could not delete Contact id N".
	 *
	 * @see civicrm-core CRM/Contact/BAO/Contact.php deleteContact()
	 * @see civicrm-core Civi/Api4/Action/Contact/Delete.php deleteObjects()
	 *
	 * @param array<int, array<string, mixed>> $items             Records with ids.
	 * @param bool                             $check_permissions checkPermissions.
	 * @param bool                             $use_trash         useTrash.
	 * @return array<int, array{id: int}>
	 * @throws \CRM_Core_Exception When a contact cannot be deleted.
	 */
	public static function delete( array $items, bool $check_permissions, bool $use_trash ): array {
		$skip_undelete = ! $use_trash || ! Settings::get( 'contact_undelete' );
		$db            = Database::instance();
		$out           = array();
		foreach ( $items as $item ) {
			$id = (int) $item['id'];
			$ok = ! ( $check_permissions && $skip_undelete && ! Permissions::check( 'delete contacts' ) )
				&& null !== self::fetch_row( Contact_Entity::class, $id );
			if ( $ok && $skip_undelete ) {
				$ok = null === Session::uf_id_for_contact( $id );
				if ( $ok ) {
					$db->execute( 'DELETE FROM civicrm_contact WHERE id = ?', array( $id ) );
				}
			} elseif ( $ok ) {
				$db->execute( 'UPDATE civicrm_contact SET is_deleted = 1 WHERE id = ?', array( $id ) );
			}
			if ( ! $ok ) {
				throw new \CRM_Core_Exception( "Could not delete Contact id $id" );
			}
			$out[] = array( 'id' => $id );
		}
		Session::flush();
		return $out;
	}

	/**
	 * The api_key rules, in core's order.
	 *
	 * 1. Without a logged-in contact, a user lacking the field permission
	 *    has api_key silently removed from the values (ContactSaveTrait
	 *    only hands the check to the BAO when someone is logged in).
	 * 2. Otherwise any api_key in the values — NULL included, since APIv4
	 *    turns NULL into '' — needs 'edit api keys' or 'administer CiviCRM',
	 *    or, when updating one's own contact, 'edit own api keys'; else
	 *    UnauthorizedException "Permission denied to modify api key".
	 *
	 * @see civicrm-core Civi/Api4/Action/Contact/ContactSaveTrait.php getUnpermittedFields()
	 * @see civicrm-core Civi/Api4/Generic/Traits/DAOActionTrait.php filterUnpermittedFields()
	 * @see civicrm-core CRM/Contact/BAO/Contact.php create() ("Permission denied to modify api key")
	 *
	 * @param array<string, mixed> $values            Values.
	 * @param bool                 $check_permissions checkPermissions.
	 * @param int|null             $contact_id        Contact being updated; null on create.
	 * @return array<string, mixed> Values, possibly without api_key.
	 * @throws \Civi\API\Exception\UnauthorizedException Not allowed to write the key.
	 */
	private static function guard_api_key( array $values, bool $check_permissions, ?int $contact_id ): array {
		if ( ! $check_permissions || ! array_key_exists( 'api_key', $values ) ) {
			return $values;
		}
		$logged_in = Session::logged_in_contact_id();
		if ( ! $logged_in && ! Permissions::check( array( array( 'administer CiviCRM', 'edit api keys' ) ) ) ) {
			unset( $values['api_key'] );
			return $values;
		}
		$own = null !== $contact_id && Permissions::check( 'edit own api keys' ) && $contact_id === $logged_in;
		if ( ! Permissions::check( array( array( 'edit api keys', 'administer CiviCRM' ) ) ) && ! $own ) {
			throw new \Civi\API\Exception\UnauthorizedException( 'Permission denied to modify api key' );
		}
		return $values;
	}

	/**
	 * The display_name and sort_name for the record.
	 *
	 * Individuals: the default formats "{prefix}{ }{first_name}{ }{last_name}{ }{suffix}"
	 * and "{last_name}{, }{first_name}{ }{suffix}", filled with the names as
	 * given — untrimmed, although the name columns themselves are stored
	 * trimmed — where a separator is kept only between two non-blank names,
	 * and the result trimmed: first_name ' Ada ' + last_name 'Lovelace' gives
	 * 'Ada  Lovelace' and 'Lovelace,  Ada'. No names: the primary email. Then
	 * cut to 128 characters. Organization/Household: their name (already cut
	 * with an ellipsis, like every column).
	 *
	 * @see civicrm-core CRM/Contact/BAO/Individual.php format()
	 * @see civicrm-core Civi/Token/TokenCompatSubscriber.php renderConditionalPunctuation()
	 * @see civicrm-core settings/Core.setting.php display_name_format, sort_name_format
	 * @see civicrm-core CRM/Contact/BAO/Contact.php add() (Organization/Household defaults, 128-character cut)
	 *
	 * @param array<string, mixed> $columns Column values (merged with the stored row on update).
	 * @param string|null          $email   Primary email.
	 * @param array<string, mixed> $given   Values given by the caller.
	 * @return array{display_name?: string|null, sort_name?: string|null}
	 */
	private static function names( array $columns, ?string $email, array $given ): array {
		$type = $columns['contact_type'] ?? null;
		if ( 'Organization' === $type || 'Household' === $type ) {
			$field = 'Organization' === $type ? 'organization_name' : 'household_name';
			if ( ! array_key_exists( $field, $given ) ) {
				return array();
			}
			$name = $columns[ $field ];
			return array(
				'display_name' => array_key_exists( 'display_name', $given ) ? $columns['display_name'] : self::cut( $name ),
				'sort_name'    => array_key_exists( 'sort_name', $given ) ? $columns['sort_name'] : self::cut( $name ),
			);
		}
		if ( 'Individual' !== $type ) {
			return array();
		}
		$name    = static function ( string $field ) use ( $columns, $given ): string {
			$value = array_key_exists( $field, $given ) ? $given[ $field ] : ( $columns[ $field ] ?? '' );
			return is_scalar( $value ) ? (string) $value : '';
		};
		$first   = $name( 'first_name' );
		$last    = $name( 'last_name' );
		$display = trim( self::join_names( array( $first, $last ), ' ' ) );
		$sort    = trim( self::join_names( array( $last, $first ), ', ' ) );
		if ( '' === $display ) {
			$fallback = $email ?? ( $columns['display_name'] ?? null );
			$display  = $fallback;
			$sort     = $email ?? ( $columns['sort_name'] ?? $fallback );
		}
		return array(
			'display_name' => self::cut( $display ),
			'sort_name'    => self::cut( $sort ),
		);
	}

	/**
	 * Names joined by a separator that is left out next to a blank name.
	 *
	 * @param array<int, string> $names     Names, untrimmed.
	 * @param string             $separator Separator.
	 * @return string
	 */
	private static function join_names( array $names, string $separator ): string {
		return implode( $separator, array_filter( $names, static fn( $name ) => '' !== trim( $name ) ) );
	}

	/**
	 * At most 128 characters (the column size).
	 *
	 * @param string|null $name Name.
	 * @return string|null
	 */
	private static function cut( ?string $name ): ?string {
		return null === $name || '' === $name ? null : mb_substr( $name, 0, 128, 'UTF-8' );
	}
}
