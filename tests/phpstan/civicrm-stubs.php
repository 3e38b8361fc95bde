<?php
/**
 * Declarations of the few CiviCRM symbols CiviKey touches, for PHPStan only.
 * Never loaded at run time.
 *
 * @package CiviKey\Tests
 */

namespace Civi\Api4\Generic {
	/**
	 * What civicrm_api4() returns.
	 *
	 * @extends \ArrayObject<int|string, array<string, mixed>>
	 */
	class Result extends \ArrayObject {
		/**
		 * Rows counted by a row_count select.
		 *
		 * @var int|null
		 */
		public $rowCount;

		/**
		 * Debug information, including fields dropped for lack of permission.
		 *
		 * @var array<string, mixed>|null
		 */
		public $debug;

		/**
		 * First row.
		 *
		 * @return array<string, mixed>|null
		 */
		public function first() {}

		/**
		 * Rows matched before limit and offset.
		 *
		 * @return int
		 */
		public function countMatched() {}
	}
}

namespace Civi\Core {
	/**
	 * CiviCRM's Symfony-based event dispatcher.
	 */
	class CiviEventDispatcher {
		/**
		 * Adds a listener.
		 *
		 * @param string   $event_name Event.
		 * @param callable $listener   Listener.
		 * @param int      $priority   Higher runs first.
		 * @return void
		 */
		public function addListener( $event_name, $listener, $priority = 0 ) {}
	}
}

namespace Civi\API\Exception {
	/**
	 * Thrown when permission checks refuse an action.
	 */
	class UnauthorizedException extends \CRM_Core_Exception {}
}

namespace {
	/**
	 * CiviCRM's service container facade.
	 */
	class Civi {
		/**
		 * The event dispatcher.
		 *
		 * @return \Civi\Core\CiviEventDispatcher
		 */
		public static function dispatcher() {}
	}

	/**
	 * CiviCRM's base exception.
	 */
	class CRM_Core_Exception extends \Exception {
		/**
		 * CiviCRM's error code.
		 *
		 * @return string|int
		 */
		public function getErrorCode() {}
	}

	/**
	 * CiviCRM system helpers.
	 */
	class CRM_Utils_System {
		/**
		 * The CiviCRM version.
		 *
		 * @return string
		 */
		public static function version() {}

		/**
		 * A CiviCRM URL.
		 *
		 * @param string      $path     Path.
		 * @param string|null $query    Query.
		 * @param bool        $absolute Absolute.
		 * @param string|null $fragment Fragment.
		 * @param bool        $htmlize  HTML-escape.
		 * @param bool        $frontend Front end.
		 * @return string
		 */
		public static function url( $path = '', $query = '', $absolute = false, $fragment = null, $htmlize = true, $frontend = false ) {}
	}

	/**
	 * Starts CiviCRM.
	 *
	 * @return bool
	 */
	function civicrm_initialize() {}

	/**
	 * CiviCRM API v4.
	 *
	 * @param string               $entity Entity.
	 * @param string               $action Action.
	 * @param array<string, mixed> $params Parameters.
	 * @param string|int|null      $index  Index.
	 * @return \Civi\Api4\Generic\Result
	 */
	function civicrm_api4( $entity, $action, $params = array(), $index = null ) {}
}
