<?php
/**
 * Shared parts of create/update/delete on database entities.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Actions;

/**
 * Finding the records a batch action works on, and the row-level check.
 *
 * @see civicrm-core Civi/Api4/Generic/AbstractBatchAction.php getBatchRecords()
 * @see civicrm-core Civi/Api4/Utils/CoreUtil.php checkAccessRecord()
 */
abstract class Dao_Write_Action extends Action {

	/**
	 * Records matching where/orderBy/limit/offset, found with a get that has
	 * the same checkPermissions (so ACLs hide what the user cannot see).
	 *
	 * @return array<int, array<string, mixed>> Rows with the id.
	 */
	protected function batch_records(): array {
		$get = new Dao_Get_Action( $this->entity_name, 'get', $this->entity_class );
		$get->set_param( 'checkPermissions', $this->check_permissions() );
		$get->set_param( 'debug', $this->wants_debug() );
		foreach ( array( 'where', 'orderBy', 'limit', 'offset' ) as $name ) {
			$get->set_param( $name, $this->params[ $name ] );
		}
		$rows               = $get->rows( array( 'id' ) );
		$this->debug_output = array_merge_recursive( $this->debug_output, $get->debug_output );
		return $rows;
	}

	/**
	 * Throws "ACL check failed" unless the user may act on the record.
	 *
	 * @param string               $action create, update or delete.
	 * @param array<string, mixed> $record Record.
	 * @throws \Civi\API\Exception\UnauthorizedException Not allowed.
	 */
	protected function authorize_record( string $action, array $record ): void {
		$class = $this->entity_class;
		if ( $this->check_permissions() && ! $class::check_access( $action, $record ) ) {
			throw new \Civi\API\Exception\UnauthorizedException( 'ACL check failed' );
		}
	}

	/**
	 * The writer for this entity.
	 *
	 * @return string Class name.
	 */
	protected function writer(): string {
		$class = $this->entity_class;
		return $class::writer();
	}
}
