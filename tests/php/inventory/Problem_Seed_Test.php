<?php
/**
 * The inventory against the problem seed, through REST and the real `wp`.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Inventory;

use CiviKey\Tests\Runs_WP_CLI;
use CiviKey\Tests\Test_Case;

/**
 * Runs tests/civicrm-standin/bin/seed.php --problems on the PHPUnit database
 * (200 keyed contacts, 6 with each problem), then checks that the inventory
 * flags exactly what was planted, that its summary counts what the seed
 * printed, and that `wp civikey list` agrees with the REST answer. The seed
 * commits its rows, which the per-test transaction cannot undo, so the class
 * removes them again with the seed's --clean.
 *
 * @group standin-only
 */
class Problem_Seed_Test extends Test_Case {

	use Runs_WP_CLI;

	private const KEYS        = 200;
	private const PER_PROBLEM = 6;

	/**
	 * What the seed printed (its JSON report), or why it failed.
	 *
	 * @var array<string, mixed>|string
	 */
	private static $seeded = array();

	public static function set_up_before_class() {
		parent::set_up_before_class();
		// Leftovers of an interrupted run would be counted too.
		self::seed( '--clean' );
		$run          = self::seed( '--contacts=' . ( self::KEYS + 20 ), '--keys=' . self::KEYS, '--problems=' . self::PER_PROBLEM, '--emails=0', '--json' );
		$report       = json_decode( $run['stdout'], true );
		self::$seeded = 0 === $run['exit'] && is_array( $report ) ? $report : "The seed failed ({$run['exit']}): {$run['stderr']}{$run['stdout']}";
	}

	public static function tear_down_after_class() {
		global $wpdb;
		self::seed( '--clean' );
		// The seed's client role went with it: forget it here too, ending
		// the read snapshot that still holds it.
		$wpdb->query( 'ROLLBACK' );
		wp_cache_flush();
		wp_roles()->for_site();
		parent::tear_down_after_class();
	}

	protected function set_up() {
		parent::set_up();
		$this->assertIsArray( self::$seeded, is_string( self::$seeded ) ? self::$seeded : '' );
		// The seed added CiviKey's client role from another process.
		wp_cache_flush();
		wp_roles()->for_site();
		$this->login_as( self::factory_user( 'administrator' ) );
	}

	public function test_every_planted_problem_is_flagged_and_nothing_else() {
		$rows = array_column( $this->rest_walk( array() ), null, 'id' );

		$this->assertCount( self::KEYS, $rows );
		$this->assertSame( self::KEYS - 8 * self::PER_PROBLEM, self::$seeded['counts']['none'] );
		foreach ( self::$seeded['planted'] as $problem => $contact_ids ) {
			$this->assertCount( 'none' === $problem ? self::KEYS - 8 * self::PER_PROBLEM : self::PER_PROBLEM, $contact_ids, $problem );
			foreach ( $contact_ids as $contact_id ) {
				$this->assertSame( 'none' === $problem ? array() : array( $problem ), $rows[ $contact_id ]['problems'], "Contact $contact_id, planted with: $problem" );
			}
		}
		foreach ( self::$seeded['planted']['none'] as $contact_id ) {
			$this->assertSame( array( self::$seeded['role'] ), $rows[ $contact_id ]['user']['roles'] );
		}
	}

	public function test_the_summary_counts_what_the_seed_printed() {
		$response = $this->rest( 'GET', '/civikey/v1/inventory/summary' );
		$summary  = $response->get_data();
		$expected = self::$seeded['counts'];

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( self::KEYS, $summary['total'] );
		$this->assertSame( $expected['any'], $summary['with_problems'] );
		unset( $expected['any'], $expected['none'] );
		$this->assertSame( $expected, $summary['problems'] );
	}

	public function test_wp_civikey_list_agrees_with_the_rest_answer() {
		$rest = array();
		foreach ( $this->rest_walk( array( 'problem' => 'any' ) ) as $item ) {
			$rest[ $item['id'] ] = $item['problems'];
		}
		$run = self::wp( 'civikey list --problems --format=json' );
		$cli = array();
		foreach ( (array) json_decode( $run['stdout'], true ) as $row ) {
			$cli[ $row['contact_id'] ] = $row['problems'];
		}

		$this->assertSame( 0, $run['exit'], $run['stderr'] );
		$this->assertCount( self::$seeded['counts']['any'], $rest );
		$this->assertSame( $rest, $cli );
	}

	public function test_last_used_order_is_the_same_in_rest_and_cli_and_ignores_revoked_keys() {
		$items   = $this->rest_walk(
			array(
				'orderby' => 'last_used',
				'order'   => 'desc',
			),
			50
		);
		$ids     = array_column( $items, 'id' );
		$used_at = array_map(
			static function ( array $item ): ?string {
				return $item['last_used']['at'] ?? null;
			},
			$items
		);
		$dated   = array_values( array_filter( $used_at ) );
		$never   = array_slice( $ids, count( $dated ) );

		$this->assertCount( self::KEYS, array_unique( $ids ) );
		$this->assertSame( array(), array_intersect( self::$seeded['used_without_key'], $ids ), 'Contacts whose key is gone are not listed.' );
		$this->assertNotEmpty( self::$seeded['used_without_key'] );
		$this->assertSame( $dated, array_slice( $used_at, 0, count( $dated ) ), 'Used keys first.' );
		$sorted = $dated;
		rsort( $sorted );
		$this->assertSame( $sorted, $dated, 'Newest use first.' );
		$by_id = $never;
		sort( $by_id );
		$this->assertSame( $by_id, $never, 'Then keys never used, by contact ID.' );
		$this->assertGreaterThan( self::PER_PROBLEM, count( $never ) );

		$run = self::wp( 'civikey list --sort=last_used --order=desc --format=json' );
		$this->assertSame( 0, $run['exit'], $run['stderr'] );
		$this->assertSame( $ids, array_column( (array) json_decode( $run['stdout'], true ), 'contact_id' ) );
	}

	/**
	 * Every page of the inventory route, put together.
	 *
	 * @param array<string, mixed> $query    Query parameters.
	 * @param int                  $per_page Page size.
	 * @return array<int, array<string, mixed>>
	 */
	private function rest_walk( array $query, int $per_page = 200 ): array {
		$items = array();
		for ( $page = 1; ; $page++ ) {
			$response = $this->rest( 'GET', '/civikey/v1/inventory', $query + compact( 'page', 'per_page' ) );
			$this->assertSame( 200, $response->get_status() );
			$items = array_merge( $items, $response->get_data() );
			if ( $page >= (int) $response->get_headers()['X-WP-TotalPages'] ) {
				return $items;
			}
		}
	}

	/**
	 * Runs the seed on the PHPUnit database.
	 *
	 * @param string ...$options Options after --wp.
	 * @return array{exit: int, stdout: string, stderr: string}
	 */
	private static function seed( string ...$options ): array {
		$script = CIVIKEY_TESTS_ROOT . '/tests/civicrm-standin/bin/seed.php';
		return self::run_against_test_database( escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( $script ) . ' --wp=' . escapeshellarg( CIVIKEY_TESTS_WP_DIR ) . ' ' . implode( ' ', array_map( 'escapeshellarg', $options ) ) );
	}
}
