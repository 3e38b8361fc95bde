<?php
/**
 * The Civi facade, in miniature.
 *
 * @package CiviCRM_Standin
 */

// phpcs:disable Generic.Files.OneObjectStructurePerFile.MultipleFound, WordPress.Files.FileName

/**
 * Only Civi::dispatcher(), which CiviKey uses to hear AuthX's events.
 *
 * @see civicrm-core Civi.php
 */
class Civi {

	/**
	 * The dispatcher for this request.
	 *
	 * @var \CiviCRM_Standin\Event_Dispatcher|null
	 */
	private static $dispatcher = null;

	/**
	 * The event dispatcher.
	 *
	 * @return \CiviCRM_Standin\Event_Dispatcher
	 */
	public static function dispatcher(): \CiviCRM_Standin\Event_Dispatcher {
		if ( null === self::$dispatcher ) {
			self::$dispatcher = new \CiviCRM_Standin\Event_Dispatcher();
		}
		return self::$dispatcher;
	}
}
