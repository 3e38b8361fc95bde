<?php
/**
 * A database failure, described the way PEAR DB describes it to CiviCRM.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

/**
 * Real CiviCRM talks to MySQL through PEAR DB, whose mysqli driver maps a few
 * native error numbers to DB_ERROR_* codes and everything else to DB_ERROR
 * ("unknown error"). CRM_Core_Error::exceptionHandler() then throws
 * DBQueryException('DB Error: <message>', <DB code>). This class keeps the
 * native error so the API layer can build that exception.
 *
 * @see pear/db DB/mysqli.php $errorcode_map and mysqliRaiseError()
 * @see pear/db DB.php DB::errorMessage() and DB_Error::__construct()
 * @see civicrm-core CRM/Core/Error.php exceptionHandler()
 */
final class Database_Error extends \RuntimeException {

	/**
	 * PEAR DB codes used below.
	 *
	 * @see pear/db DB.php define('DB_ERROR...')
	 */
	public const DB_ERROR                    = -1;
	public const DB_ERROR_SYNTAX             = -2;
	public const DB_ERROR_CONSTRAINT         = -3;
	public const DB_ERROR_NOT_FOUND          = -4;
	public const DB_ERROR_ALREADY_EXISTS     = -5;
	public const DB_ERROR_VALUE_COUNT_ON_ROW = -22;
	public const DB_ERROR_CANNOT_CREATE      = -15;
	public const DB_ERROR_CANNOT_DROP        = -17;
	public const DB_ERROR_NOSUCHTABLE        = -18;
	public const DB_ERROR_NOSUCHFIELD        = -19;
	public const DB_ERROR_NOT_LOCKED         = -21;
	public const DB_ERROR_CONNECT_FAILED     = -24;
	public const DB_ERROR_ACCESS_VIOLATION   = -26;
	public const DB_ERROR_NOSUCHDB           = -27;
	public const DB_ERROR_NODBSELECTED       = -14;
	public const DB_ERROR_DIVZERO            = -13;
	public const DB_ERROR_LOCK_TIMEOUT       = -30;
	public const DB_ERROR_DEADLOCK           = -31;
	public const DB_ERROR_INVALID_VIEW       = -32;

	/**
	 * Native MySQL error number => PEAR DB code, as in pear/db 1.12's mysqli driver.
	 * 1406 (data too long) and 1264 (out of range) are deliberately absent:
	 * PEAR reports them as DB_ERROR, "unknown error".
	 *
	 * @var array<int, int>
	 */
	private const NATIVE_TO_PEAR = array(
		1004 => self::DB_ERROR_CANNOT_CREATE,
		1005 => self::DB_ERROR_CANNOT_CREATE,
		1006 => self::DB_ERROR_CANNOT_CREATE,
		1007 => self::DB_ERROR_ALREADY_EXISTS,
		1008 => self::DB_ERROR_CANNOT_DROP,
		1022 => self::DB_ERROR_ALREADY_EXISTS,
		1044 => self::DB_ERROR_ACCESS_VIOLATION,
		1046 => self::DB_ERROR_NODBSELECTED,
		1048 => self::DB_ERROR_CONSTRAINT,
		1049 => self::DB_ERROR_NOSUCHDB,
		1050 => self::DB_ERROR_ALREADY_EXISTS,
		1051 => self::DB_ERROR_NOSUCHTABLE,
		1054 => self::DB_ERROR_NOSUCHFIELD,
		1061 => self::DB_ERROR_ALREADY_EXISTS,
		1062 => self::DB_ERROR_ALREADY_EXISTS,
		1064 => self::DB_ERROR_SYNTAX,
		1091 => self::DB_ERROR_NOT_FOUND,
		1100 => self::DB_ERROR_NOT_LOCKED,
		1136 => self::DB_ERROR_VALUE_COUNT_ON_ROW,
		1142 => self::DB_ERROR_ACCESS_VIOLATION,
		1146 => self::DB_ERROR_NOSUCHTABLE,
		1205 => self::DB_ERROR_LOCK_TIMEOUT,
		1213 => self::DB_ERROR_DEADLOCK,
		1216 => self::DB_ERROR_CONSTRAINT,
		1217 => self::DB_ERROR_CONSTRAINT,
		1356 => self::DB_ERROR_INVALID_VIEW,
		1365 => self::DB_ERROR_DIVZERO,
		1451 => self::DB_ERROR_CONSTRAINT,
		1452 => self::DB_ERROR_CONSTRAINT,
	);

	/**
	 * PEAR DB code => message.
	 *
	 * @see pear/db DB.php DB::errorMessage()
	 */
	private const PEAR_MESSAGES = array(
		self::DB_ERROR                    => 'unknown error',
		self::DB_ERROR_SYNTAX             => 'syntax error',
		self::DB_ERROR_CONSTRAINT         => 'constraint violation',
		self::DB_ERROR_NOT_FOUND          => 'not found',
		self::DB_ERROR_ALREADY_EXISTS     => 'already exists',
		self::DB_ERROR_VALUE_COUNT_ON_ROW => 'value count on row',
		self::DB_ERROR_CANNOT_CREATE      => 'can not create',
		self::DB_ERROR_CANNOT_DROP        => 'can not drop',
		self::DB_ERROR_NOSUCHTABLE        => 'no such table',
		self::DB_ERROR_NOSUCHFIELD        => 'no such field',
		self::DB_ERROR_NOT_LOCKED         => 'not locked',
		self::DB_ERROR_CONNECT_FAILED     => 'connect failed',
		self::DB_ERROR_ACCESS_VIOLATION   => 'insufficient permissions',
		self::DB_ERROR_NOSUCHDB           => 'no such database',
		self::DB_ERROR_NODBSELECTED       => 'no database selected',
		self::DB_ERROR_DIVZERO            => 'division by zero',
		self::DB_ERROR_LOCK_TIMEOUT       => 'database lock timeout',
		self::DB_ERROR_DEADLOCK           => 'deadlock',
		self::DB_ERROR_INVALID_VIEW       => 'invalid view',
	);

	/**
	 * MySQL's own error number.
	 *
	 * @var int
	 */
	private $native_code;

	/**
	 * MySQL's own message.
	 *
	 * @var string
	 */
	private $native_message;

	/**
	 * The statement, with `?` placeholders: values are never kept here, so an
	 * API key can't travel into a log through an exception.
	 *
	 * @var string
	 */
	private $sql;

	/**
	 * PEAR DB code.
	 *
	 * @var int
	 */
	private $pear_code;

	/**
	 * Constructor.
	 *
	 * @param int      $native_code    MySQL error number.
	 * @param string   $native_message MySQL message.
	 * @param string   $sql            Statement with placeholders ('' for connection errors).
	 * @param int|null $pear_code      Force a PEAR code (connection errors); null maps $native_code.
	 */
	public function __construct( int $native_code, string $native_message, string $sql = '', ?int $pear_code = null ) {
		$this->native_code    = $native_code;
		$this->native_message = $native_message;
		$this->sql            = $sql;
		$this->pear_code      = $pear_code ?? ( self::NATIVE_TO_PEAR[ $native_code ] ?? self::DB_ERROR );
		parent::__construct( 'DB Error: ' . self::PEAR_MESSAGES[ $this->pear_code ], $this->pear_code );
	}

	/**
	 * PEAR DB code (negative int), which CiviCRM passes on as the error code.
	 *
	 * @return int
	 */
	public function pear_code(): int {
		return $this->pear_code;
	}

	/**
	 * MySQL error number.
	 *
	 * @return int
	 */
	public function native_code(): int {
		return $this->native_code;
	}

	/**
	 * What PEAR calls the "user info": "<sql> [nativecode=<n> ** <message>]".
	 * Real CiviCRM has the values written into the SQL here; the stand-in
	 * keeps the placeholders.
	 *
	 * @see pear/db DB/mysqli.php mysqliRaiseError()
	 * @return string
	 */
	public function user_info(): string {
		return trim( $this->sql . ' [nativecode=' . $this->native_code . ' ** ' . $this->native_message . ']' );
	}
}
