<?php
/**
 * REST namespace and shared checks.
 *
 * @package CiviKey
 */

namespace CiviKey\REST;

use CiviKey\Access;
use CiviKey\Permissions\Profiles;
use WP_Error;

/**
 * What every CiviKey route shares.
 */
final class Routes {

	public const REST_NAMESPACE = 'civikey/v1';

	/**
	 * The `id` URL parameter of a contact route.
	 *
	 * @return array<string, mixed>
	 */
	public static function contact_id_arg(): array {
		return array(
			'description' => __( 'CiviCRM contact ID.', 'civikey' ),
			'type'        => 'integer',
			'minimum'     => 1,
			'maximum'     => 4294967295,
			'required'    => true,
		);
	}

	/**
	 * Marks a response that carries or concerns a secret as never to be
	 * stored by a browser or proxy.
	 *
	 * @param \WP_REST_Response $response Response.
	 * @return \WP_REST_Response
	 */
	public static function no_store( \WP_REST_Response $response ): \WP_REST_Response {
		$response->header( 'Cache-Control', 'no-store, private' );
		$response->header( 'Pragma', 'no-cache' );
		return $response;
	}

	/**
	 * The refusal for a key sent in the URL, or null when there is none:
	 * URLs end up in server logs and browser history.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return WP_Error|null
	 */
	public static function key_in_url_error( \WP_REST_Request $request ): ?WP_Error {
		if ( ! isset( $request->get_query_params()['key'] ) ) {
			return null;
		}
		return new WP_Error(
			'civikey_key_in_url',
			__( 'Send the key in the JSON request body, never in the URL: URLs are kept in server logs and browser history. Generate a new key, since this one may have been logged.', 'civikey' ),
			array( 'status' => 400 )
		);
	}

	/**
	 * A page of items with WordPress's paging headers (X-WP-Total,
	 * X-WP-TotalPages), as core's collection routes send them.
	 *
	 * @param array<int, array<string, mixed>> $items    Items of this page.
	 * @param int                              $total    Items matching in all.
	 * @param int                              $per_page Page size.
	 * @return \WP_REST_Response
	 */
	public static function paged( array $items, int $total, int $per_page ): \WP_REST_Response {
		$response = rest_ensure_response( $items );
		$response->header( 'X-WP-Total', (string) $total );
		$response->header( 'X-WP-TotalPages', (string) max( 1, (int) ceil( $total / $per_page ) ) );
		return $response;
	}

	/**
	 * The permission check every route starts with.
	 *
	 * @return true|WP_Error
	 */
	public static function check_manage_capability() {
		if ( Access::current_user_can_manage() ) {
			return true;
		}
		return new WP_Error(
			'civikey_forbidden',
			is_user_logged_in()
				? __( 'Sorry, you are not allowed to manage CiviCRM API keys. Ask a site administrator for access.', 'civikey' )
				: __( 'Please log in to manage CiviCRM API keys.', 'civikey' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * Arguments naming what the integration must do.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function requirement_args(): array {
		return array(
			'profile'     => array(
				'description' => __( 'A named profile, or custom with a permissions list.', 'civikey' ),
				'type'        => 'string',
				'enum'        => array_merge( array_keys( Profiles::all() ), array( 'custom' ) ),
				'default'     => 'read_contacts',
			),
			'permissions' => array(
				'description' => __( 'CiviCRM permissions, for the custom profile.', 'civikey' ),
				'type'        => 'array',
				'maxItems'    => 40,
				'items'       => array(
					'type'      => 'string',
					'pattern'   => '^[A-Za-z0-9][A-Za-z0-9 _-]{1,63}$',
					'maxLength' => 64,
				),
				'default'     => array(),
			),
		);
	}
}
