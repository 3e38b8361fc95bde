<?php
/**
 * TEST ONLY: the part of marcj/topsort civicrm-core uses.
 *
 * Core orders extensions by their requirements (install, enable, upgrade) and
 * APIv4 fields by their dependencies: add() each element with what it
 * depends on, sort() returns dependencies first, in the order elements were
 * added otherwise, and throws on a cycle or an unknown dependency.
 *
 * @see civicrm-core CRM/Extension/Manager.php sortByRequirement()
 * @see civicrm-core Civi/Api4/Utils/CoreUtil.php
 * @package CiviKey\Tests
 */

namespace MJS\TopSort\Implementations;

use MJS\TopSort\CircularDependencyException;
use MJS\TopSort\ElementNotFoundException;

/**
 * Depth-first topological sort.
 */
class FixedArraySort {

	/**
	 * Each element with the elements it depends on.
	 *
	 * @var array<string, string[]>
	 */
	private $dependencies = array();

	/**
	 * Adds an element.
	 *
	 * @param string          $element      Element.
	 * @param string[]|string $dependencies What it depends on.
	 */
	public function add( $element, $dependencies = array() ) {
		$this->dependencies[ $element ] = array_values( (array) $dependencies );
	}

	/**
	 * Elements, each after everything it depends on.
	 *
	 * @return string[]
	 * @throws CircularDependencyException When elements depend on each other.
	 * @throws ElementNotFoundException When a dependency was never added.
	 */
	public function sort() {
		$sorted = array();
		$state  = array();
		foreach ( array_keys( $this->dependencies ) as $element ) {
			$this->visit( (string) $element, null, $state, $sorted );
		}
		return $sorted;
	}

	/**
	 * Places an element after its dependencies.
	 *
	 * @param string                $element  Element.
	 * @param string|null           $parent   The element that depends on it.
	 * @param array<string, string> $state    'visiting' or 'done' per element.
	 * @param string[]              $sorted   The result so far.
	 * @throws CircularDependencyException When elements depend on each other.
	 * @throws ElementNotFoundException When a dependency was never added.
	 */
	private function visit( string $element, ?string $parent, array &$state, array &$sorted ): void {
		if ( ! array_key_exists( $element, $this->dependencies ) ) {
			throw new ElementNotFoundException( sprintf( 'Dependency `%s` not found, required by `%s`', $element, (string) $parent ) );
		}
		$seen = $state[ $element ] ?? '';
		if ( 'done' === $seen ) {
			return;
		}
		if ( 'visiting' === $seen ) {
			throw new CircularDependencyException( sprintf( 'Circular dependency found: %s depends on %s', (string) $parent, $element ) );
		}
		$state[ $element ] = 'visiting';
		foreach ( $this->dependencies[ $element ] as $dependency ) {
			$this->visit( (string) $dependency, $element, $state, $sorted );
		}
		$state[ $element ] = 'done';
		$sorted[]          = $element;
	}
}
