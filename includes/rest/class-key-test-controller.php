<?php
/**
 * POST /civikey/v1/contacts/{id}/key/test
 *
 * @package CiviKey
 */

namespace CiviKey\REST;

use CiviKey\Audit\Audit_Log;
use CiviKey\CiviCRM\Contact_Directory;
use CiviKey\Keys\Key_Policy;
use CiviKey\Keys\Key_Tester;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

/**
 * Tests a key for real, right after it was set: the only moment it is known
 * outside CiviCRM. The key comes in the body and goes out only in the
 * request to this site's own AuthX endpoint.
 */
class Key_Test_Controller extends WP_REST_Controller {

	/**
	 * Key tester.
	 *
	 * @var Key_Tester
	 */
	private $tester;

	/**
	 * Audit trail.
	 *
	 * @var Audit_Log
	 */
	private $audit;

	/**
	 * Contact directory.
	 *
	 * @var Contact_Directory
	 */
	private $contacts;

	/**
	 * Constructor.
	 *
	 * @param Key_Tester        $tester   Key tester.
	 * @param Audit_Log         $audit    Audit trail.
	 * @param Contact_Directory $contacts Contact directory.
	 */
	public function __construct( Key_Tester $tester, Audit_Log $audit, Contact_Directory $contacts ) {
		$this->namespace = Routes::REST_NAMESPACE;
		$this->tester    = $tester;
		$this->audit     = $audit;
		$this->contacts  = $contacts;
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			Routes::REST_NAMESPACE,
			'/contacts/(?P<id>[\d]+)/key/test',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'test_key' ),
				'permission_callback' => array( Routes::class, 'check_manage_capability' ),
				'args'                => array(
					'id'  => Routes::contact_id_arg(),
					'key' => array(
						'description' => __( 'The key just set. Send it in the JSON body.', 'civikey' ),
						'type'        => 'string',
						'required'    => true,
					),
				),
			)
		);
	}

	/**
	 * Runs the test.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function test_key( $request ) {
		$contact_id = (int) $request['id'];
		$in_url     = Routes::key_in_url_error( $request );
		if ( $in_url ) {
			return $in_url;
		}
		$key  = (string) $request['key'];
		$form = Key_Policy::check_form( $key );
		if ( is_wp_error( $form ) ) {
			return $form;
		}
		$contact = $this->contacts->get( $contact_id );
		if ( is_wp_error( $contact ) ) {
			return $contact;
		}
		$result = $this->tester->test( $key );
		if ( is_wp_error( $result ) ) {
			$this->audit->record( 'key_tested', $contact_id, array( 'error' => $result->get_error_code() ), 'failure' );
			return $result;
		}
		if ( $result['ok'] && $result['contact_id'] !== $contact_id ) {
			$result['ok']      = false;
			$result['message'] = sprintf(
				/* translators: 1: contact ID the key logged in as, 2: contact ID it was set on. */
				__( 'The key authenticated as contact %1$d, not contact %2$d: another contact holds the same key. Rotate it.', 'civikey' ),
				(int) $result['contact_id'],
				$contact_id
			);
		}
		$this->audit->record(
			'key_tested',
			$contact_id,
			array(
				'http_status'   => $result['status'],
				'with_site_key' => $result['with_site_key'],
				'as_contact'    => $result['contact_id'],
				'as_user'       => $result['user_id'],
			),
			$result['ok'] ? 'success' : 'failure'
		);
		return Routes::no_store( rest_ensure_response( $result ) );
	}
}
