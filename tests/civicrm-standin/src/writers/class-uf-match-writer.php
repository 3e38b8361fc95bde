<?php
/**
 * Writes UFMatch rows.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Writers;

use CiviCRM_Standin\Database;
use CiviCRM_Standin\Entities\UF_Match_Entity;
use CiviCRM_Standin\Session;

/**
 * UFMatch create/update/delete. create returns an identical existing row
 * instead of inserting a second one; otherwise the unique keys (contact and
 * uf_name per domain) make a duplicate fail with "DB Error: already exists".
 *
 * @see civicrm-core CRM/Core/BAO/UFMatch.php create()
 */
final class UF_Match_Writer extends Record_Writer {

	/**
	 * API create.
	 *
	 * @param array<string, mixed> $values            Values.
	 * @param bool                 $check_permissions checkPermissions.
	 * @return array<string, mixed>
	 */
	public static function create( array $values, bool $check_permissions ): array {
		$values += array( 'domain_id' => Session::DOMAIN_ID );
		$columns = self::columns( UF_Match_Entity::class, $values );
		$where   = array();
		$params  = array();
		foreach ( $columns as $column => $value ) {
			$where[]  = null === $value ? "`$column` IS NULL" : "`$column` = ?";
			$params[] = $value;
		}
		$params   = array_values( array_filter( $params, static fn( $value ) => null !== $value ) );
		$existing = Database::instance()->fetch_value( 'SELECT id FROM civicrm_uf_match WHERE ' . implode( ' AND ', $where ) . ' LIMIT 1', $params );
		$id       = null !== $existing ? (int) $existing : self::insert_row( UF_Match_Entity::class, $columns );
		Session::flush();
		return self::output( UF_Match_Entity::class, (array) self::fetch_row( UF_Match_Entity::class, $id ), array_keys( $values ) );
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
			$columns = self::columns( UF_Match_Entity::class, $item );
			self::update_row( UF_Match_Entity::class, (int) $item['id'], $columns );
			$out[] = self::output( UF_Match_Entity::class, array( 'id' => (int) $item['id'] ) + $columns, array_merge( array( 'id' ), array_keys( $item ) ) );
		}
		Session::flush();
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
			Database::instance()->execute( 'DELETE FROM civicrm_uf_match WHERE id = ?', array( (int) $item['id'] ) );
			$out[] = array( 'id' => (int) $item['id'] );
		}
		Session::flush();
		return $out;
	}
}
