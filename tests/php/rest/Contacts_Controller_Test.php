<?php
/**
 * Tests for /civikey/v1/contacts.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\REST;

use CiviKey\CiviCRM\Contact_Directory;
use CiviKey\CiviCRM\Gateway;
use CiviKey\Tests\Counting_Gateway;
use CiviKey\Tests\Test_Case;

/**
 * Searching contacts, reading one, and creating a service contact.
 */
class Contacts_Controller_Test extends Test_Case {

	protected function set_up() {
		parent::set_up();
		$this->login_as( self::factory_user( 'administrator' ) );
	}

	public function test_search_finds_contacts_by_name_email_and_id() {
		$marker   = 'Zq' . wp_generate_password( 8, false );
		$by_name  = $this->civicrm_contact(
			array(
				'contact_type'      => 'Organization',
				'organization_name' => $marker . ' Sync',
			)
		);
		$by_email = $this->civicrm_contact();
		civicrm_api4(
			'Email',
			'create',
			array(
				'values'           => array(
					'contact_id' => $by_email,
					'email'      => strtolower( $marker ) . '@example.org',
					'is_primary' => true,
				),
				'checkPermissions' => false,
			)
		);

		$found = $this->rest( 'GET', '/civikey/v1/contacts', array( 'search' => $marker ) );
		$ids   = array_column( $found->get_data(), 'id' );

		$this->assertSame( 200, $found->get_status() );
		$this->assertContains( $by_name, $ids );
		$this->assertContains( $by_email, $ids );
		$this->assertSame( '2', $found->get_headers()['X-WP-Total'] );

		$by_id = $this->rest( 'GET', '/civikey/v1/contacts', array( 'search' => (string) $by_name ) );
		$this->assertContains( $by_name, array_column( $by_id->get_data(), 'id' ) );
	}

	public function test_search_results_show_key_fingerprint_and_linked_user_but_never_the_key() {
		$key        = 'Keyfortestingsearch0123456789ab';
		$user_id    = self::factory_user( 'subscriber' );
		$contact_id = $this->civicrm_contact(
			array(
				'contact_type'      => 'Organization',
				'organization_name' => 'Fingerprint ' . wp_generate_password( 6, false ),
				'api_key'           => $key,
			)
		);
		$this->link_contact_to_user( $contact_id, $user_id );

		$response = $this->rest( 'GET', '/civikey/v1/contacts', array( 'search' => (string) $contact_id ) );
		$contact  = $this->find( $response->get_data(), $contact_id );

		$this->assertSame( 'set', $contact['key']['status'] );
		$this->assertSame( substr( $key, -4 ), $contact['key']['fingerprint']['last4'] );
		$this->assertSame( strlen( $key ), $contact['key']['fingerprint']['length'] );
		$this->assertSame( $user_id, $contact['linked_user']['id'] );
		$this->assertTrue( $contact['linked_user']['exists'] );
		$this->assertSame( array( 'subscriber' ), $contact['linked_user']['roles'] );
		$this->assertStringNotContainsString( $key, (string) wp_json_encode( $response->get_data() ) );
	}

	public function test_paging_uses_a_fixed_number_of_civicrm_calls_whatever_the_page_size() {
		$marker = 'Pg' . wp_generate_password( 8, false );
		for ( $i = 0; $i < 12; $i++ ) {
			$contact_id = $this->civicrm_contact(
				array(
					'contact_type'      => 'Organization',
					'organization_name' => $marker . ' ' . $i,
				)
			);
			$this->link_contact_to_user( $contact_id, self::factory_user( 'subscriber' ) );
		}
		$calls = array();
		foreach ( array( 2, 5, 12 ) as $per_page ) {
			$gateway   = new Counting_Gateway();
			$directory = new Contact_Directory( $gateway );
			$page      = $directory->search( $marker, 1, $per_page );
			$this->assertCount( $per_page, $page['items'] );
			$this->assertSame( 12, $page['total'] );
			$calls[ $per_page ] = $gateway->calls;
		}

		$this->assertSame( array( 3, 3, 3 ), array_values( $calls ), 'An access check, one Contact.get and one UFMatch.get per page.' );
	}

	public function test_pages_do_not_overlap() {
		$marker = 'Ov' . wp_generate_password( 8, false );
		for ( $i = 0; $i < 5; $i++ ) {
			$this->civicrm_contact(
				array(
					'contact_type'      => 'Organization',
					'organization_name' => $marker . ' ' . $i,
				)
			);
		}

		$first  = $this->rest(
			'GET',
			'/civikey/v1/contacts',
			array(
				'search'   => $marker,
				'per_page' => 3,
			)
		);
		$second = $this->rest(
			'GET',
			'/civikey/v1/contacts',
			array(
				'search'   => $marker,
				'per_page' => 3,
				'page'     => 2,
			)
		);

		$this->assertCount( 3, $first->get_data() );
		$this->assertCount( 2, $second->get_data() );
		$this->assertSame( '2', $first->get_headers()['X-WP-TotalPages'] );
		$this->assertEmpty( array_intersect( array_column( $first->get_data(), 'id' ), array_column( $second->get_data(), 'id' ) ) );
	}

	/**
	 * Paging parameters outside their range.
	 *
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public function data_bad_paging(): array {
		return array(
			'page 0'         => array( array( 'page' => 0 ) ),
			'negative page'  => array( array( 'page' => -1 ) ),
			'per_page 0'     => array( array( 'per_page' => 0 ) ),
			'per_page 1000'  => array( array( 'per_page' => 1000 ) ),
			'page not a num' => array( array( 'page' => 'two' ) ),
			'long search'    => array( array( 'search' => str_repeat( 'x', 200 ) ) ),
		);
	}

	/**
	 * Bad paging is a 400 with WordPress's parameter error.
	 *
	 * @dataProvider data_bad_paging
	 *
	 * @param array<string, mixed> $params Query.
	 */
	public function test_bad_paging_is_refused( array $params ) {
		$response = $this->rest( 'GET', '/civikey/v1/contacts', $params );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
	}

	public function test_getting_one_contact_and_a_404_for_an_unknown_one() {
		$contact_id = $this->civicrm_contact();

		$found   = $this->rest( 'GET', '/civikey/v1/contacts/' . $contact_id );
		$missing = $this->rest( 'GET', '/civikey/v1/contacts/999999999' );

		$this->assertSame( 200, $found->get_status() );
		$this->assertSame( $contact_id, $found->get_data()['id'] );
		$this->assertSame( 'none', $found->get_data()['key']['status'] );
		$this->assertNull( $found->get_data()['linked_user'] );
		$this->assertSame( 404, $missing->get_status() );
		$this->assertSame( 'civikey_contact_not_found', $missing->get_data()['code'] );
	}

	public function test_creating_a_service_organization() {
		$name = 'Zapier ' . wp_generate_password( 6, false );

		$response = $this->rest(
			'POST',
			'/civikey/v1/contacts',
			array(
				'contact_type' => 'Organization',
				'name'         => $name,
			)
		);
		$contact  = $response->get_data();
		$this->track_contact( (int) $contact['id'] );
		$stored = civicrm_api4(
			'Contact',
			'get',
			array(
				'select'           => array( 'organization_name', 'contact_type', 'source' ),
				'where'            => array( array( 'id', '=', $contact['id'] ) ),
				'checkPermissions' => false,
			)
		)->first();

		$this->assertSame( 201, $response->get_status() );
		$this->assertSame( $name, $contact['display_name'] );
		$this->assertSame( 'none', $contact['key']['status'] );
		$this->assertSame( $name, $stored['organization_name'] );
		$this->assertSame( 'Organization', $stored['contact_type'] );
		$this->assertSame( 'CiviKey', $stored['source'] );
	}

	public function test_creating_a_service_individual() {
		$name = 'Mailer ' . wp_generate_password( 6, false );

		$response = $this->rest(
			'POST',
			'/civikey/v1/contacts',
			array(
				'contact_type' => 'Individual',
				'name'         => $name,
			)
		);
		$this->track_contact( (int) $response->get_data()['id'] );

		$this->assertSame( 201, $response->get_status() );
		$this->assertSame( 'Individual', $response->get_data()['contact_type'] );
		$this->assertStringContainsString( $name, $response->get_data()['display_name'] );
	}

	/**
	 * Creation input the route must refuse.
	 *
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public function data_bad_creation(): array {
		return array(
			'no name'       => array( array( 'contact_type' => 'Organization' ) ),
			'empty name'    => array( array( 'name' => '' ) ),
			'unknown type'  => array(
				array(
					'name'         => 'X',
					'contact_type' => 'Household',
				),
			),
			'name too long' => array( array( 'name' => str_repeat( 'n', 65 ) ) ),
		);
	}

	/**
	 * Bad creation input makes no contact.
	 *
	 * @dataProvider data_bad_creation
	 *
	 * @param array<string, mixed> $body Body.
	 */
	public function test_bad_creation_input_is_refused( array $body ) {
		$response = $this->rest( 'POST', '/civikey/v1/contacts', $body );

		$this->assertSame( 400, $response->get_status() );
	}

	public function test_subscribers_and_anonymous_visitors_are_refused() {
		$this->login_as( 0 );
		$this->assertSame( 401, $this->rest( 'GET', '/civikey/v1/contacts' )->get_status() );
		$this->login_as( self::factory_user( 'subscriber' ) );
		$this->assertSame( 403, $this->rest( 'GET', '/civikey/v1/contacts' )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', '/civikey/v1/contacts', array( 'name' => 'X' ) )->get_status() );
	}

	public function test_without_civicrm_the_search_answers_503() {
		$directory = new Contact_Directory( new Gateway( 'civikey_tests_missing', 'civikey_tests_missing' ) );

		$result = $directory->search( '', 1, 20 );

		$this->assertWPError( $result );
		$this->assertSame( 503, $result->get_error_data()['status'] );
	}

	/**
	 * The row for one contact.
	 *
	 * @param array<int, array<string, mixed>> $rows       Rows.
	 * @param int                              $contact_id Contact ID.
	 * @return array<string, mixed>
	 */
	private function find( array $rows, int $contact_id ): array {
		foreach ( $rows as $row ) {
			if ( $row['id'] === $contact_id ) {
				return $row;
			}
		}
		$this->fail( "Contact $contact_id is not in the results." );
	}
}
