<?php
/**
 * The one door to CiviCRM.
 *
 * @package CiviKey
 */

namespace CiviKey\CiviCRM;

use WP_Error;

/**
 * Every call CiviKey makes into CiviCRM goes through here, so that the rest of
 * the plugin never sees a CiviCRM exception, never forgets to initialise
 * CiviCRM, and never turns CiviCRM's own permission checks off.
 */
class Gateway {

	/**
	 * Outcome of civicrm_initialize(), computed once per request.
	 *
	 * @var string|null One of the Availability constants.
	 */
	private $availability = null;

	/**
	 * CiviCRM's initialise function.
	 *
	 * @var callable|string
	 */
	private $initialize_function;

	/**
	 * CiviCRM's API v4 function.
	 *
	 * @var callable|string
	 */
	private $api_function;

	/**
	 * Constructor. The functions are only ever swapped by tests, to stand for a
	 * site where CiviCRM is missing or broken; they may name functions that do
	 * not exist, which is how a missing CiviCRM looks.
	 *
	 * @param callable|string $initialize_function CiviCRM's initialise function.
	 * @param callable|string $api_function        CiviCRM's API v4 function.
	 */
	public function __construct( $initialize_function = 'civicrm_initialize', $api_function = 'civicrm_api4' ) {
		$this->initialize_function = $initialize_function;
		$this->api_function        = $api_function;
	}

	/**
	 * Whether CiviCRM is present, installed and initialised.
	 *
	 * @return string One of the Availability constants.
	 */
	public function availability(): string {
		if ( null !== $this->availability ) {
			return $this->availability;
		}
		if ( ! is_callable( $this->initialize_function ) ) {
			$this->availability = Availability::MISSING;
		} elseif ( defined( 'CIVICRM_INSTALLED' ) && ! constant( 'CIVICRM_INSTALLED' ) ) {
			// The CiviCRM plugin is active but its installer has not run yet.
			$this->availability = Availability::NOT_INSTALLED;
		} else {
			try {
				// civicrm_api4() itself only exists once CiviCRM has started
				// (CRM/Core/Config.php loads api/api.php), so ask after.
				$started            = (bool) call_user_func( $this->initialize_function );
				$this->availability = $started && is_callable( $this->api_function ) ? Availability::READY : Availability::UNAVAILABLE;
			} catch ( \Throwable $error ) {
				$this->availability = Availability::UNAVAILABLE;
			}
		}
		return $this->availability;
	}

	/**
	 * The CiviCRM version, or null when CiviCRM is not ready.
	 *
	 * @return string|null
	 */
	public function version(): ?string {
		if ( Availability::READY !== $this->availability() || ! is_callable( array( 'CRM_Utils_System', 'version' ) ) ) {
			return null;
		}
		return (string) \CRM_Utils_System::version();
	}

	/**
	 * An absolute front-end URL for a CiviCRM path, built by CiviCRM itself.
	 *
	 * The front end matters: WordPress sends wp-admin requests without a
	 * login cookie to the login page before AuthX sees them, and from wp-admin
	 * CiviCRM would otherwise build an admin URL. CiviCRM knows the base page
	 * and whether clean URLs are on.
	 *
	 * @param string $path CiviCRM path, e.g. civicrm/authx/id.
	 * @return string|null Null when CiviCRM is not ready.
	 */
	public function frontend_url( string $path ): ?string {
		if ( Availability::READY !== $this->availability() || ! is_callable( array( 'CRM_Utils_System', 'url' ) ) ) {
			return null;
		}
		try {
			return html_entity_decode( (string) \CRM_Utils_System::url( $path, null, true, null, false, true ) );
		} catch ( \Throwable $error ) {
			return null;
		}
	}

	/**
	 * CiviCRM's site key, or null when none is defined. A secret: callers
	 * must not log it or put it in error text.
	 *
	 * The settings file civicrm.settings.php defines it as a constant; some
	 * hosts set it from the environment instead, which CiviCRM also reads
	 * (CRM/Utils/Constant.php).
	 *
	 * @return string|null
	 */
	public function site_key(): ?string {
		if ( Availability::READY !== $this->availability() ) {
			return null;
		}
		$site_key = defined( 'CIVICRM_SITE_KEY' ) ? constant( 'CIVICRM_SITE_KEY' ) : getenv( 'CIVICRM_SITE_KEY' );
		return is_string( $site_key ) && '' !== $site_key ? $site_key : null;
	}

	/**
	 * Calls the CiviCRM API v4 with permission checks on.
	 *
	 * @param string               $entity CiviCRM entity, e.g. Contact.
	 * @param string               $action API action, e.g. get.
	 * @param array<string, mixed> $params API parameters. `checkPermissions` is always forced on.
	 * @return array<int, array<string, mixed>>|WP_Error The rows, or an error with an HTTP status.
	 */
	public function call( string $entity, string $action, array $params = array() ) {
		$result = $this->call_for_result( $entity, $action, $params );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		return array_values( (array) $result->getArrayCopy() );
	}

	/**
	 * Like call(), but returns CiviCRM's Result object for callers that need its
	 * counters (rowCount, countMatched) or debug information.
	 *
	 * @param string               $entity CiviCRM entity.
	 * @param string               $action API action.
	 * @param array<string, mixed> $params API parameters.
	 * @return \Civi\Api4\Generic\Result|WP_Error
	 */
	public function call_for_result( string $entity, string $action, array $params = array() ) {
		$availability = $this->availability();
		if ( Availability::READY !== $availability ) {
			return Availability::error( $availability );
		}
		$api = $this->api_function;
		if ( ! is_callable( $api ) ) {
			return Availability::error( Availability::MISSING );
		}
		// Never bypass CiviCRM's permission checks: a refusal is information for the admin.
		$params['checkPermissions'] = true;
		try {
			return call_user_func( $api, $entity, $action, $params );
		} catch ( \Throwable $error ) {
			return Error_Translator::to_wp_error( $error, $entity, $action );
		}
	}
}
