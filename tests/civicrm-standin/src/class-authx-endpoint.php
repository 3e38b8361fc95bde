<?php
/**
 * The civicrm/authx/id page.
 *
 * @package CiviCRM_Standin
 */

namespace CiviCRM_Standin;

/**
 * Serves `civicrm/authx/id` on the front end — the clean URL
 * /civicrm/authx/id/ (base page slug `civicrm`) and the plain form
 * ?civiwp=CiviCRM&q=civicrm/authx/id — after running AuthX on the request.
 *
 * The page is always allowed ("*always allow*") and answers who the request
 * is authenticated as: {"contact_id":…,"user_id":…,"flow":…,"cred":…}.
 * A refused credential gets "HTTP 401 <reason>" as text/plain.
 *
 * @see civicrm-core ext/authx/xml/Menu/authx.xml
 * @see civicrm-core ext/authx/CRM/Authx/Page/AJAX.php getId()
 * @see civicrm-core CRM/Utils/JSON.php output()
 */
final class Authx_Endpoint {

	/** The CiviCRM path served. */
	public const PATH = 'civicrm/authx/id';

	/**
	 * How the response is finished; replaced in tests.
	 *
	 * @var callable|null
	 */
	public static $finish = null;

	/**
	 * Hooks the request parser.
	 */
	public static function register(): void {
		add_action( 'parse_request', array( self::class, 'on_parse_request' ), 0 );
	}

	/**
	 * Answers the request if it is for civicrm/authx/id.
	 *
	 * @param \WP $wp WordPress request.
	 */
	public static function on_parse_request( $wp ): void {
		if ( is_admin() || ! self::is_id_request( (string) ( $wp->request ?? '' ), $_GET ) ) { // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a public, read-only endpoint.
			return;
		}
		$response = self::respond( $_SERVER, $_GET, $_POST ); // phpcs:ignore WordPress.Security.NonceVerification -- credentials are checked by AuthX rules, not nonces.
		if ( self::$finish ) {
			call_user_func( self::$finish, $response );
			return;
		}
		status_header( $response['status'] );
		header( 'Content-Type: ' . $response['content_type'] );
		echo $response['body']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON or plain text.
		exit;
	}

	/**
	 * Whether a request asks for civicrm/authx/id.
	 *
	 * @param string               $request WordPress's parsed path (no slashes around).
	 * @param array<string, mixed> $get     Query parameters.
	 * @return bool
	 */
	public static function is_id_request( string $request, array $get ): bool {
		if ( trim( $request, '/' ) === self::PATH ) {
			return true;
		}
		return isset( $get['civiwp'], $get['q'] ) && 'CiviCRM' === $get['civiwp'] && self::PATH === trim( (string) $get['q'], '/' );
	}

	/**
	 * The response to a civicrm/authx/id request.
	 *
	 * @param array<string, mixed> $server $_SERVER.
	 * @param array<string, mixed> $get    $_GET.
	 * @param array<string, mixed> $post   $_POST.
	 * @return array{status: int, content_type: string, body: string}
	 */
	public static function respond( array $server, array $get, array $post ): array {
		if ( ! Plugin::initialize() ) {
			return self::text( 404, 'CiviCRM is not installed.' );
		}
		if ( ! Extensions::is_enabled( 'authx' ) ) {
			// Without AuthX the route does not exist.
			return self::text( 404, 'The requested page could not be found.' );
		}
		if ( Mode::FAILING === Mode::current() ) {
			return self::text( 500, 'DB Error: connect failed' );
		}
		try {
			$principal = Authenticator::authenticate( $server, $get, $post );
		} catch ( Authx_Rejection $rejection ) {
			return self::text( 401, 'HTTP 401 ' . $rejection->getMessage() );
		}
		if ( $principal ) {
			$body = array(
				'contact_id' => $principal['contactId'],
				'user_id'    => $principal['userId'] ? (int) $principal['userId'] : null,
				'flow'       => $principal['flow'],
				'cred'       => $principal['credType'],
			);
		} else {
			$user_id = get_current_user_id();
			$body    = array(
				'contact_id' => $user_id ? Session::logged_in_contact_id() : null,
				'user_id'    => $user_id ? $user_id : null,
				'flow'       => null,
				'cred'       => null,
			);
		}
		return array(
			'status'       => 200,
			'content_type' => 'application/json',
			'body'         => (string) wp_json_encode( $body ),
		);
	}

	/**
	 * A plain-text response.
	 *
	 * @param int    $status Status.
	 * @param string $body   Body.
	 * @return array{status: int, content_type: string, body: string}
	 */
	private static function text( int $status, string $body ): array {
		return array(
			'status'       => $status,
			'content_type' => 'text/plain',
			'body'         => $body,
		);
	}
}
