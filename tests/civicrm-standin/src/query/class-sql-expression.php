<?php
/**
 * One APIv4 SQL expression: a field, `*`, or an aggregate function.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin\Query;

/**
 * Parses the strings APIv4 accepts in select/groupBy/orderBy/having, e.g.
 * `display_name`, `email_primary.email`, `COUNT(id) AS count`,
 * `COUNT(DISTINCT api_key)`. Only aggregate functions are implemented;
 * anything else throws a clear "not implemented" error rather than
 * misbehaving.
 *
 * @see civicrm-core Civi/Api4/Query/SqlExpression.php convert(), getAlias()
 * @see civicrm-core Civi/Api4/Query/SqlField.php, SqlFunction.php, SqlFunctionCOUNT.php
 */
final class Sql_Expression {

	/** Aggregate functions and their output data type (null: that of the argument). */
	private const FUNCTIONS = array(
		'COUNT' => 'Integer',
		'SUM'   => null,
		'MIN'   => null,
		'MAX'   => null,
		'AVG'   => 'Float',
	);

	/**
	 * 'field', 'function' or 'wild'.
	 *
	 * @var string
	 */
	public $type;

	/**
	 * The expression without its alias.
	 *
	 * @var string
	 */
	public $expr;

	/**
	 * Alias given with " AS ", or null.
	 *
	 * @var string|null
	 */
	public $alias;

	/**
	 * Function name (functions only).
	 *
	 * @var string|null
	 */
	public $function = null;

	/**
	 * COUNT(DISTINCT ...).
	 *
	 * @var bool
	 */
	public $distinct = false;

	/**
	 * Function argument (functions only).
	 *
	 * @var Sql_Expression|null
	 */
	public $argument = null;

	/**
	 * Field names used.
	 *
	 * @var array<int, string>
	 */
	public $fields = array();

	/**
	 * Parses an expression.
	 *
	 * @param string $expression  Expression, possibly "<expr> AS <alias>".
	 * @param bool   $parse_alias Whether " AS " is allowed (select only).
	 * @return Sql_Expression
	 * @throws \CRM_Core_Exception Unparseable or unsupported expression.
	 */
	public static function parse( string $expression, bool $parse_alias = false ): Sql_Expression {
		$as    = $parse_alias ? strrpos( $expression, ' AS ' ) : false;
		$expr  = $as ? substr( $expression, 0, $as ) : $expression;
		$alias = $as ? self::munge( substr( $expression, $as + 4 ) ) : null;

		$self        = new self();
		$self->expr  = $expr;
		$self->alias = $alias;

		$bracket = strpos( $expr, '(' );
		if ( '' !== $expr && '(' === $expr[0] && ')' === substr( $expr, -1 ) ) {
			throw new \CRM_Core_Exception( 'civicrm-standin does not implement SQL equations: ' . $expression );
		}
		if ( $bracket && preg_match( '/^(\w+)\((.*)\)$/s', $expr, $match ) ) {
			$name = $match[1];
			if ( strtoupper( $name ) !== $name ) {
				throw new \CRM_Core_Exception( 'Sql function must be uppercase.' );
			}
			if ( ! array_key_exists( $name, self::FUNCTIONS ) ) {
				throw new \CRM_Core_Exception( 'Unable to parse sql expression: ' . $expression );
			}
			$inner = trim( $match[2] );
			if ( 'COUNT' === $name && preg_match( '/^DISTINCT\s+(.+)$/', $inner, $distinct ) ) {
				$self->distinct = true;
				$inner          = trim( $distinct[1] );
			}
			if ( '' === $inner ) {
				throw new \CRM_Core_Exception( "Missing param 1 for SQL function $name" );
			}
			$argument = self::parse( $inner );
			if ( 'wild' === $argument->type && 'COUNT' !== $name ) {
				throw new \CRM_Core_Exception( 'Illegal sql expression.' );
			}
			if ( 'function' === $argument->type ) {
				throw new \CRM_Core_Exception( 'civicrm-standin does not implement nested SQL functions: ' . $expression );
			}
			$self->type     = 'function';
			$self->function = $name;
			$self->argument = $argument;
			$self->fields   = $argument->fields;
			return $self;
		}
		if ( '*' === $expr ) {
			$self->type = 'wild';
			return $self;
		}
		if ( preg_match( '/^(["\']).*\1$/s', $expr ) || is_numeric( $expr ) || in_array( $expr, array( 'NULL', 'TRUE', 'FALSE' ), true ) ) {
			throw new \CRM_Core_Exception( 'civicrm-standin does not implement SQL literals in this position: ' . $expression );
		}
		// Anything else is taken for a field name, as in core; unknown names are
		// dealt with by the query (silently dropped from SELECT, errors elsewhere).
		if ( null !== $alias && $alias !== $expr && false === strpos( $expr, ':' ) ) {
			throw new \CRM_Core_Exception( 'Aliasing field names is not allowed, only expressions can have an alias.' );
		}
		$self->type   = 'field';
		$self->fields = array( $expr );
		return $self;
	}

	/**
	 * Whether this is an aggregate (all supported functions are).
	 *
	 * @return bool
	 */
	public function is_aggregate(): bool {
		return 'function' === $this->type;
	}

	/**
	 * Name of the column in the result.
	 *
	 * @return string
	 */
	public function alias(): string {
		if ( null !== $this->alias ) {
			return $this->alias;
		}
		if ( 'function' === $this->type ) {
			return $this->function . ':' . implode( '_', $this->fields );
		}
		return $this->fields[0] ?? self::munge( $this->expr );
	}

	/**
	 * Output data type of a function, or null to use its field's.
	 *
	 * @return string|null
	 */
	public function function_data_type(): ?string {
		return self::FUNCTIONS[ $this->function ] ?? null;
	}

	/**
	 * Whether a field would be in the result of a select list.
	 *
	 * @see civicrm-core Civi/Api4/Utils/SelectUtil.php isFieldSelected()
	 *
	 * @param string             $field   Field.
	 * @param array<int, string> $selects Select list.
	 * @return bool
	 */
	public static function is_field_selected( string $field, array $selects ): bool {
		if ( in_array( $field, $selects, true ) || ( in_array( '*', $selects, true ) && false === strpos( $field, '.' ) ) ) {
			return true;
		}
		foreach ( $selects as $item ) {
			if ( false !== strpos( (string) $item, '*' ) && self::matching_fields( (string) $item, array( $field ) ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Field names matching a pattern with `*` wildcards; a bare `*` matches
	 * every name without a dot, and a joined pattern only names with the same
	 * prefix.
	 *
	 * @see civicrm-core Civi/Api4/Utils/SelectUtil.php getMatchingFields()
	 *
	 * @param string             $pattern     Pattern.
	 * @param array<int, string> $field_names Names.
	 * @return array<int, string>
	 */
	public static function matching_fields( string $pattern, array $field_names ): array {
		if ( '*' === $pattern ) {
			return array_values( array_filter( $field_names, static fn( $name ) => false === strpos( $name, '.' ) ) );
		}
		$dot    = strrpos( $pattern, '.' );
		$prefix = false === $dot ? '' : substr( $pattern, 0, $dot + 1 );
		$search = false === $dot ? $pattern : substr( $pattern, $dot + 1 );
		$regex  = '/^' . str_replace( '\*', '.*', preg_quote( $search, '/' ) ) . '$/';
		return array_values(
			array_filter(
				$field_names,
				static function ( $name ) use ( $prefix, $regex ) {
					if ( ( '' !== $prefix && 0 !== strpos( $name, $prefix ) ) || substr_count( $prefix, '.' ) !== substr_count( $name, '.' ) ) {
						return false;
					}
					return (bool) preg_match( $regex, substr( $name, strlen( $prefix ) ) );
				}
			)
		);
	}

	/**
	 * Non-alphanumerics to `_`, at most 256 characters.
	 *
	 * @see civicrm-core CRM/Utils/String.php munge()
	 * @param string $name Name.
	 * @return string
	 */
	private static function munge( string $name ): string {
		return substr( (string) preg_replace( '/[^a-zA-Z0-9]+/', '_', trim( $name ) ), 0, 256 );
	}
}
