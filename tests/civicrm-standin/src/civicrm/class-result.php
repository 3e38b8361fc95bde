<?php
/**
 * Stand-in for APIv4's result container.
 *
 * @package CiviCRM_Standin
 */

namespace Civi\Api4\Generic;

// phpcs:disable WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid, WordPress.NamingConventions.ValidVariableName -- CiviCRM's API.

/**
 * An ArrayObject of rows with the same public properties and helpers as
 * core's Result.
 *
 * @see civicrm-core Civi/Api4/Generic/Result.php
 */
class Result extends \ArrayObject implements \JsonSerializable {

	/**
	 * Entity name, e.g. 'Contact'.
	 *
	 * @var string
	 */
	public $entity;

	/**
	 * Action name, e.g. 'get'.
	 *
	 * @var string
	 */
	public $action;

	/**
	 * Debug output; NULL unless the call asked for `debug` and was allowed it.
	 *
	 * @var array<string, mixed>|null
	 */
	public $debug;

	/**
	 * API version.
	 *
	 * @var int
	 */
	public $version = 4;

	/**
	 * Legacy counter; see count(). Not for public use in core either.
	 *
	 * @var int|null
	 */
	public $rowCount;

	/**
	 * Matches regardless of LIMIT (only known with row_count or no limit).
	 *
	 * @var int|null
	 */
	protected $matchedCount;

	/**
	 * Field the rows are indexed by.
	 *
	 * @var string|null
	 */
	private $indexedBy;

	/**
	 * First row or null.
	 *
	 * @return array<string, mixed>|null
	 */
	public function first() {
		foreach ( $this as $values ) {
			return $values;
		}
		return null;
	}

	/**
	 * Last row or null.
	 *
	 * @return array<string, mixed>|null
	 */
	public function last() {
		$items = $this->getArrayCopy();
		return array_pop( $items );
	}

	/**
	 * The only row; throws when there are none or several.
	 *
	 * @see civicrm-core CRM/Utils/Array.php single()
	 * @return array<string, mixed>
	 * @throws \CRM_Core_Exception Zero or several rows.
	 */
	public function single() {
		$label  = "{$this->entity} record";
		$result = null;
		foreach ( $this as $values ) {
			if ( null !== $result ) {
				throw new \CRM_Core_Exception( "Expected to find one {$label}, but there were multiple." );
			}
			$result = $values;
		}
		if ( null === $result ) {
			throw new \CRM_Core_Exception( "Expected to find one {$label}, but there were zero." );
		}
		return $result;
	}

	/**
	 * Row at a position; negative counts from the end.
	 *
	 * @param int $index Position.
	 * @return array<string, mixed>|null
	 */
	public function itemAt( $index ) {
		$length = $index < 0 ? 0 - $index : $index + 1;
		// count() as core calls it: rowCount when that is set.
		if ( $length > count( $this ) ) {
			return null;
		}
		return array_slice( array_values( $this->getArrayCopy() ), $index, 1 )[0];
	}

	/**
	 * Re-keys the rows by a field; rows without it are dropped.
	 *
	 * @param string $key Field.
	 * @return $this
	 * @throws \CRM_Core_Exception When no row has the field.
	 */
	public function indexBy( $key ) {
		$this->indexedBy = $key;
		if ( count( $this ) ) {
			$rows = array();
			foreach ( $this as $values ) {
				if ( isset( $values[ $key ] ) ) {
					$rows[ $values[ $key ] ] = $values;
				}
			}
			if ( ! $rows ) {
				throw new \CRM_Core_Exception( "Key $key not found in api results" );
			}
			$this->exchangeArray( $rows );
		}
		return $this;
	}

	/**
	 * The rowCount when known (matched rows), else the number of rows fetched.
	 *
	 * @return int
	 */
	public function count(): int {
		return $this->rowCount ?? parent::count();
	}

	/**
	 * Rows fetched.
	 *
	 * @return int
	 */
	public function countFetched(): int {
		return parent::count();
	}

	/**
	 * Rows matched regardless of LIMIT.
	 *
	 * @return int
	 * @throws \CRM_Core_Exception When it is not known.
	 */
	public function countMatched(): int {
		if ( ! isset( $this->matchedCount ) ) {
			throw new \CRM_Core_Exception( 'countMatched can only be used if there was no limit set or if row_count was included in the select fields.' );
		}
		return $this->matchedCount;
	}

	/**
	 * Sets the matched count (API implementations).
	 *
	 * @param int $count Count.
	 */
	public function setCountMatched( int $count ) {
		$this->matchedCount = $count;
	}

	/**
	 * Whether the matched count is known.
	 *
	 * @return bool
	 */
	public function hasCountMatched(): bool {
		return isset( $this->matchedCount );
	}

	/**
	 * One field from every row, keyed like the rows when indexed.
	 *
	 * @param string      $column_name Field.
	 * @param string|null $index_by    Key field.
	 * @return array<int|string, mixed>
	 */
	public function column( $column_name, $index_by = null ): array {
		return array_column( $this->getArrayCopy(), $column_name, $index_by ?? $this->indexedBy );
	}

	/**
	 * Rows as an array.
	 *
	 * @return array<int|string, mixed>
	 */
	public function jsonSerialize(): array {
		return $this->getArrayCopy();
	}
}
