<?php
/**
 * TEST ONLY (see ../Log.php): the base of Civi\API\LogObserver.
 *
 * @see civicrm-core Civi/API/LogObserver.php
 * @package CiviKey\Tests
 */

// phpcs:disable WordPress.NamingConventions, PEAR.NamingConventions, Squiz.Classes.ValidClassName -- PEAR's names.

/**
 * Told of each message of the logger it is attached to.
 */
class Log_observer {

	/**
	 * Lowest priority this observer wants.
	 *
	 * @var int
	 */
	public $priority = PEAR_LOG_INFO;

	/**
	 * Receives a message (pear/log 1.14's signature, which core's observer extends).
	 *
	 * @param array<string, mixed> $event 'priority' and 'message'.
	 */
	public function notify( array $event ): void {
	}
}
