<?php
/**
 * CiviCRM's event dispatcher, in miniature.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

/**
 * Listeners by event name and priority, higher priority first, as Symfony's
 * EventDispatcher that Civi::dispatcher() returns does. Only what AuthX's
 * events need.
 *
 * @see civicrm-core Civi/Core/CiviEventDispatcher.php
 */
final class Event_Dispatcher {

	/**
	 * Listeners: event => priority => callables.
	 *
	 * @var array<string, array<int, array<int, callable>>>
	 */
	private $listeners = array();

	/**
	 * Adds a listener.
	 *
	 * @param string   $event_name Event.
	 * @param callable $listener   Listener, called with the event.
	 * @param int      $priority   Higher runs first.
	 */
	public function addListener( string $event_name, callable $listener, int $priority = 0 ): void { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- Symfony's name.
		$this->listeners[ $event_name ][ $priority ][] = $listener;
	}

	/**
	 * Removes a listener.
	 *
	 * @param string   $event_name Event.
	 * @param callable $listener   Listener as it was added.
	 */
	public function removeListener( string $event_name, callable $listener ): void { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid -- Symfony's name.
		foreach ( $this->listeners[ $event_name ] ?? array() as $priority => $listeners ) {
			$this->listeners[ $event_name ][ $priority ] = array_values(
				array_filter(
					$listeners,
					static function ( $candidate ) use ( $listener ): bool {
						return $candidate !== $listener;
					}
				)
			);
		}
	}

	/**
	 * Calls the listeners of an event.
	 *
	 * @param string $event_name Event.
	 * @param object $event      Event object.
	 * @return object
	 */
	public function dispatch( string $event_name, $event ) {
		$by_priority = $this->listeners[ $event_name ] ?? array();
		krsort( $by_priority );
		foreach ( $by_priority as $listeners ) {
			foreach ( $listeners as $listener ) {
				$listener( $event );
			}
		}
		return $event;
	}
}
