<?php
/**
 * Tests for ordering the inventory on the server.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Inventory;

use CiviKey\Audit\Audit_Log;
use CiviKey\Inventory\Inventory;
use CiviKey\Tests\Counting_Gateway;
use CiviKey\Tests\Test_Case;
use CiviKey\Usage\Key_Usage;

/**
 * Every order covers every keyed contact exactly once across its pages, keys
 * never used count as the oldest, and a page costs the same number of
 * queries whatever its size.
 */
class Inventory_Order_Test extends Test_Case {

	/**
	 * Keyed contacts by name, made in set_up.
	 *
	 * @var array<string, int>
	 */
	private $ids = array();

	protected function set_up() {
		parent::set_up();
		$this->login_as( self::factory_user( 'administrator' ) );
		// Made in an order that is neither their name order nor their use order.
		foreach ( array( 'Delta', 'alpha', 'Echo', 'charlie', 'Bravo', 'foxtrot' ) as $n => $name ) {
			$this->ids[ $name ] = $this->civicrm_contact(
				array(
					'first_name' => $name,
					'last_name'  => 'Service',
					'api_key'    => 'Orderkey' . $n . str_repeat( 'x', 23 ),
				)
			);
		}
		$usage = new Key_Usage();
		$now   = time();
		$usage->touch( $this->ids['Echo'], '192.0.2.1', $now - 3 * DAY_IN_SECONDS );
		$usage->touch( $this->ids['alpha'], '192.0.2.2', $now - HOUR_IN_SECONDS );
		$usage->touch( $this->ids['Bravo'], '192.0.2.3', $now - 200 * DAY_IN_SECONDS );
		// Same moment as alpha: ties go by contact ID.
		$usage->touch( $this->ids['foxtrot'], '192.0.2.4', $now - HOUR_IN_SECONDS );
		// Used once, key revoked since: no order may list it.
		$revoked = $this->civicrm_contact( array( 'first_name' => 'Revoked' ) );
		$usage->touch( $revoked, '192.0.2.5', $now );
		$audit = new Audit_Log();
		global $wpdb;
		foreach ( array(
			'charlie' => 10,
			'Delta'   => 2,
		) as $name => $days_ago ) {
			$entry = $audit->record( 'key_set', $this->ids[ $name ] );
			$wpdb->update( Audit_Log::table(), array( 'created_at' => gmdate( 'Y-m-d H:i:s', $now - $days_ago * DAY_IN_SECONDS ) ), array( 'id' => $entry ) );
		}
	}

	/**
	 * Orders and the names they list, in order.
	 *
	 * @return array<string, array{0: string, 1: string, 2: array<int, string>}>
	 */
	public function data_orders(): array {
		return array(
			'contact ID, lowest first'            => array( 'id', 'asc', array( 'Delta', 'alpha', 'Echo', 'charlie', 'Bravo', 'foxtrot' ) ),
			'contact ID, highest first'           => array( 'id', 'desc', array( 'foxtrot', 'Bravo', 'charlie', 'Echo', 'alpha', 'Delta' ) ),
			'name, A to Z, ignoring case'         => array( 'name', 'asc', array( 'alpha', 'Bravo', 'charlie', 'Delta', 'Echo', 'foxtrot' ) ),
			'name, Z to A'                        => array( 'name', 'desc', array( 'foxtrot', 'Echo', 'Delta', 'charlie', 'Bravo', 'alpha' ) ),
			'last used, newest first, never last' => array( 'last_used', 'desc', array( 'alpha', 'foxtrot', 'Echo', 'Bravo', 'Delta', 'charlie' ) ),
			'last used, never and oldest first'   => array( 'last_used', 'asc', array( 'Delta', 'charlie', 'Bravo', 'Echo', 'alpha', 'foxtrot' ) ),
			'last changed, newest first'          => array( 'last_changed', 'desc', array( 'Delta', 'charlie', 'alpha', 'Echo', 'Bravo', 'foxtrot' ) ),
			'last changed, never first'           => array( 'last_changed', 'asc', array( 'alpha', 'Echo', 'Bravo', 'foxtrot', 'charlie', 'Delta' ) ),
		);
	}

	/**
	 * Pages of any size, put together, are the whole order.
	 *
	 * @dataProvider data_orders
	 *
	 * @param string             $orderby  Order.
	 * @param string             $order    Direction.
	 * @param array<int, string> $expected Names in order.
	 */
	public function test_pages_follow_the_order_across_pages( string $orderby, string $order, array $expected ) {
		$names = array_flip( $this->ids );
		foreach ( array( 1, 4, 6 ) as $per_page ) {
			$listed = array();
			$pages  = (int) ceil( 6 / $per_page );
			for ( $page = 1; $page <= $pages; $page++ ) {
				$response = $this->rest(
					'GET',
					'/civikey/v1/inventory',
					array(
						'page'     => $page,
						'per_page' => $per_page,
						'orderby'  => $orderby,
						'order'    => $order,
					)
				);
				$this->assertSame( 200, $response->get_status() );
				$this->assertSame( '6', $response->get_headers()['X-WP-Total'] );
				foreach ( $response->get_data() as $item ) {
					$listed[] = $names[ $item['id'] ];
				}
			}
			$this->assertSame( $expected, $listed, "$per_page per page" );
		}
	}

	public function test_the_cli_lists_in_the_same_order() {
		$this->assertSame(
			array( 'alpha', 'foxtrot', 'Echo', 'Bravo', 'Delta', 'charlie' ),
			$this->names_of( iterator_to_array( ( new Inventory( new Counting_Gateway() ) )->all( 4, 'last_used', 'desc' ), false ) ),
			'The walk behind `wp civikey list --sort=last_used --order=desc`, in pages of 4.'
		);
	}

	public function test_a_problem_filter_keeps_the_order() {
		update_option( Key_Usage::STALE_OPTION, 30 );

		$response = $this->rest(
			'GET',
			'/civikey/v1/inventory',
			array(
				'problem' => 'no_user',
				'orderby' => 'last_used',
				'order'   => 'asc',
			)
		);

		$this->assertSame( array( 'Delta', 'charlie', 'Bravo', 'Echo', 'alpha', 'foxtrot' ), $this->names_of( $response->get_data() ) );
		$stale = $this->rest(
			'GET',
			'/civikey/v1/inventory',
			array(
				'problem' => 'stale',
				'orderby' => 'last_used',
				'order'   => 'desc',
			)
		);
		$this->assertSame( array( 'Bravo' ), $this->names_of( $stale->get_data() ) );
	}

	/**
	 * Orders, for the query count.
	 *
	 * @return array<string, array{0: string, 1: int}>
	 */
	public function data_query_costs(): array {
		return array(
			'by contact ID'   => array( 'id', 3 ),
			'by name'         => array( 'name', 3 ),
			'by last used'    => array( 'last_used', 4 ),
			'by last changed' => array( 'last_changed', 4 ),
		);
	}

	/**
	 * The same number of CiviCRM calls and database queries for a page of 2,
	 * 4 or 6 keys, every row with a linked user, a use and a change.
	 *
	 * @dataProvider data_query_costs
	 *
	 * @param string $orderby        Order.
	 * @param int    $civicrm_calls  CiviCRM calls a page makes.
	 */
	public function test_queries_per_page_do_not_grow_with_page_size( string $orderby, int $civicrm_calls ) {
		global $wpdb;
		$audit = new Audit_Log();
		$usage = new Key_Usage();
		foreach ( $this->ids as $contact_id ) {
			$this->link_contact_to_user( $contact_id, self::factory_user( 'subscriber' ) );
			$usage->touch( $contact_id, '192.0.2.6', time() - $contact_id );
			$audit->record( 'key_rotate', $contact_id );
		}
		$costs = array();
		foreach ( array( 2, 4, 6 ) as $per_page ) {
			wp_cache_flush();
			$gateway = new Counting_Gateway();
			$before  = $wpdb->num_queries;
			$page    = ( new Inventory( $gateway ) )->page( 1, $per_page, $orderby, 'desc' );
			$queries = $wpdb->num_queries - $before;

			$this->assertCount( $per_page, $page['items'] );
			$this->assertCount( $per_page, array_filter( array_column( $page['items'], 'user' ) ), 'Every row has its user.' );
			$costs[] = array( $gateway->calls, $queries );
		}

		$this->assertSame( $civicrm_calls, $costs[0][0] );
		$this->assertSame( array_fill( 0, 3, $costs[0] ), $costs, 'CiviCRM calls and database queries for pages of 2, 4 and 6.' );
	}

	/**
	 * Every order, for the refusal.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function data_every_order(): array {
		return array(
			'id'           => array( 'id' ),
			'name'         => array( 'name' ),
			'last_used'    => array( 'last_used' ),
			'last_changed' => array( 'last_changed' ),
		);
	}

	/**
	 * An order read from our own tables must not list keys CiviCRM hides.
	 *
	 * @dataProvider data_every_order
	 *
	 * @param string $orderby Order.
	 */
	public function test_every_order_passes_on_civicrm_withholding_keys( string $orderby ) {
		add_filter(
			'civikey_manage_capability',
			static function () {
				return 'edit_others_posts';
			}
		);
		// Everything but the api_key permission itself.
		$this->grant_editor_civicrm_contact_access();
		$this->login_as( self::factory_user( 'editor' ) );

		$response = $this->rest( 'GET', '/civikey/v1/inventory', array( 'orderby' => $orderby ) );

		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'civikey_civicrm_forbidden', $response->get_data()['code'] );
	}

	public function test_bad_orders_are_refused() {
		$this->assertSame( 400, $this->rest( 'GET', '/civikey/v1/inventory', array( 'orderby' => 'api_key' ) )->get_status() );
		$this->assertSame( 400, $this->rest( 'GET', '/civikey/v1/inventory', array( 'order' => 'sideways' ) )->get_status() );
		$this->assertSame( 400, $this->rest( 'GET', '/civikey/v1/inventory', array( 'orderby' => array( 'id' ) ) )->get_status() );
	}

	/**
	 * Names of inventory rows, in their order.
	 *
	 * @param array<int, array<string, mixed>> $items Rows.
	 * @return array<int, string>
	 */
	private function names_of( array $items ): array {
		$names = array_flip( $this->ids );
		return array_map(
			static function ( array $item ) use ( $names ): string {
				return $names[ $item['id'] ];
			},
			$items
		);
	}
}
