<?php
/**
 * TEST ONLY: the part of pear/log civicrm-core uses.
 *
 * Core loads this file by name (`require_once 'Log.php'`), maps PSR-3 levels
 * to the PEAR_LOG_* priorities, writes its debug log through
 * Log::singleton( 'file', <ConfigAndLog/CiviCRM.*.log> ) and lets the APIv4
 * `debug` option attach an observer that collects the messages.
 *
 * @see civicrm-core CRM/Core/Error.php createDebugLogger(), debug_log_message()
 * @see civicrm-core CRM/Core/Error/Log.php
 * @see civicrm-core Civi/API/Subscriber/DebugSubscriber.php
 * @package CiviKey\Tests
 */

// phpcs:disable WordPress.NamingConventions -- PEAR's names.

define( 'PEAR_LOG_EMERG', 0 );
define( 'PEAR_LOG_ALERT', 1 );
define( 'PEAR_LOG_CRIT', 2 );
define( 'PEAR_LOG_ERR', 3 );
define( 'PEAR_LOG_WARNING', 4 );
define( 'PEAR_LOG_NOTICE', 5 );
define( 'PEAR_LOG_INFO', 6 );
define( 'PEAR_LOG_DEBUG', 7 );
define( 'PEAR_LOG_ALL', 0xffffffff );
define( 'PEAR_LOG_NONE', 0x00000000 );

/**
 * A logger per handler and name: 'file' appends to the file named, 'display'
 * prints, anything else only tells its observers.
 */
class Log {

	/**
	 * Loggers by handler and name.
	 *
	 * @var array<string, Log>
	 */
	private static $instances = array();

	/**
	 * Handler.
	 *
	 * @var string
	 */
	private $handler;

	/**
	 * File for the 'file' handler.
	 *
	 * @var string
	 */
	private $name;

	/**
	 * Observers by object id.
	 *
	 * @var array<int, Log_observer>
	 */
	private $observers = array();

	/**
	 * One logger per handler and name, as PEAR's Log::singleton().
	 *
	 * @param string               $handler 'file', 'display', ...
	 * @param string               $name    File name for 'file'.
	 * @param string               $ident   Unused.
	 * @param array<string, mixed> $conf    Unused.
	 * @param int                  $level   Unused.
	 * @return Log
	 */
	public static function singleton( $handler, $name = '', $ident = '', $conf = array(), $level = PEAR_LOG_DEBUG ) {
		$key = $handler . "\0" . $name;
		if ( ! isset( self::$instances[ $key ] ) ) {
			self::$instances[ $key ] = new self( (string) $handler, (string) $name );
		}
		return self::$instances[ $key ];
	}

	/**
	 * Logger.
	 *
	 * @param string $handler Handler.
	 * @param string $name    File name for 'file'.
	 */
	private function __construct( string $handler, string $name ) {
		$this->handler = $handler;
		$this->name    = $name;
	}

	/**
	 * Logs a message.
	 *
	 * @param mixed    $message  Message.
	 * @param int|null $priority PEAR_LOG_* priority.
	 * @return bool
	 */
	public function log( $message, $priority = null ) {
		$priority = null === $priority ? PEAR_LOG_INFO : (int) $priority;
		$text     = is_scalar( $message ) ? (string) $message : print_r( $message, true ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_print_r -- PEAR's formatting.
		if ( 'file' === $this->handler && '' !== $this->name ) {
			$dir = dirname( $this->name );
			if ( is_dir( $dir ) || mkdir( $dir, 0775, true ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_mkdir -- CiviCRM's own log folder.
				file_put_contents( $this->name, gmdate( 'M d H:i:s' ) . "  [$priority] $text" . ( "\n" === substr( $text, -1 ) ? '' : "\n" ), FILE_APPEND ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- CiviCRM's own log file.
			}
		} elseif ( 'display' === $this->handler ) {
			echo htmlspecialchars( $text, ENT_QUOTES, 'UTF-8' ) . "<br />\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped; WordPress may not be loaded.
		}
		foreach ( $this->observers as $observer ) {
			$observer->notify(
				array(
					'priority' => $priority,
					'message'  => $text,
				)
			);
		}
		return true;
	}

	/**
	 * Adds an observer told of every message.
	 *
	 * @param Log_observer $observer Observer.
	 * @return bool
	 */
	public function attach( $observer ) {
		$this->observers[ spl_object_id( $observer ) ] = $observer;
		return true;
	}

	/**
	 * Removes an observer.
	 *
	 * @param Log_observer $observer Observer.
	 * @return bool
	 */
	public function detach( $observer ) {
		unset( $this->observers[ spl_object_id( $observer ) ] );
		return true;
	}

	/**
	 * Nothing to close: every message is written at once.
	 *
	 * @return bool
	 */
	public function close() {
		return true;
	}

	/**
	 * Nothing to flush: every message is written at once.
	 *
	 * @return bool
	 */
	public function flush() {
		return true;
	}

	/**
	 * PEAR's shortcuts, one per priority (CiviCRM's queue runner uses them).
	 *
	 * @param string       $method    Priority name.
	 * @param array<mixed> $arguments The message.
	 * @return bool
	 * @throws BadMethodCallException For any other method.
	 */
	public function __call( $method, $arguments ) {
		$priorities = array(
			'emerg'   => PEAR_LOG_EMERG,
			'alert'   => PEAR_LOG_ALERT,
			'crit'    => PEAR_LOG_CRIT,
			'err'     => PEAR_LOG_ERR,
			'warning' => PEAR_LOG_WARNING,
			'notice'  => PEAR_LOG_NOTICE,
			'info'    => PEAR_LOG_INFO,
			'debug'   => PEAR_LOG_DEBUG,
		);
		if ( ! isset( $priorities[ $method ] ) ) {
			throw new BadMethodCallException( "Log::$method() is not part of this test stand-in." );
		}
		return $this->log( $arguments[0] ?? '', $priorities[ $method ] );
	}
}
