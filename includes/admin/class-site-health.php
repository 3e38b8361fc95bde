<?php
/**
 * Tools → Site Health test.
 *
 * @package CiviKey
 */

namespace CiviKey\Admin;

use CiviKey\CiviCRM\Availability;
use CiviKey\CiviCRM\Gateway;
use CiviKey\Inventory\Inventory;
use WP_Error;

/**
 * Reports keys with problems in Site Health. The test is asynchronous (a REST
 * call the Site Health screen makes) because it scans every keyed contact.
 */
class Site_Health {

	/**
	 * Inventory.
	 *
	 * @var Inventory
	 */
	private $inventory;

	/**
	 * CiviCRM gateway.
	 *
	 * @var Gateway
	 */
	private $gateway;

	/**
	 * Constructor.
	 *
	 * @param Inventory $inventory Inventory.
	 * @param Gateway   $gateway   CiviCRM gateway.
	 */
	public function __construct( Inventory $inventory, Gateway $gateway ) {
		$this->inventory = $inventory;
		$this->gateway   = $gateway;
	}

	/**
	 * Hooks into WordPress.
	 */
	public function register(): void {
		add_filter( 'site_status_tests', array( $this, 'add_test' ) );
	}

	/**
	 * Adds the test.
	 *
	 * @param array<string, mixed> $tests Site Health tests.
	 * @return array<string, mixed>
	 */
	public function add_test( $tests ) {
		$tests['async']['civikey_api_keys'] = array(
			'label'             => __( 'CiviCRM API keys', 'civikey' ),
			'test'              => rest_url( 'civikey/v1/site-health' ),
			'has_rest'          => true,
			'async_direct_test' => array( $this, 'result' ),
		);
		return $tests;
	}

	/**
	 * The test result, in Site Health's format.
	 *
	 * @return array<string, mixed>
	 */
	public function result(): array {
		$link  = sprintf(
			'<p><a href="%s">%s</a></p>',
			esc_url( admin_url( 'tools.php?page=civikey#inventory' ) ),
			esc_html__( 'Open the CiviKey inventory', 'civikey' )
		);
		$base  = array(
			'label'       => __( 'CiviCRM API keys have no known problems', 'civikey' ),
			'status'      => 'good',
			'badge'       => array(
				'label' => __( 'Security', 'civikey' ),
				'color' => 'blue',
			),
			'description' => '<p>' . esc_html__( 'CiviKey checked every contact holding a CiviCRM API key.', 'civikey' ) . '</p>',
			'actions'     => $link,
			'test'        => 'civikey_api_keys',
		);
		$state = $this->gateway->availability();
		if ( Availability::READY !== $state ) {
			return array_merge(
				$base,
				array(
					'label'       => __( 'CiviKey cannot check CiviCRM API keys', 'civikey' ),
					'status'      => 'recommended',
					'description' => '<p>' . esc_html( Availability::message( $state ) ) . '</p>',
					'actions'     => '',
				)
			);
		}
		$counts = array();
		$keys   = 0;
		foreach ( $this->inventory->all( 1000 ) as $item ) {
			if ( $item instanceof WP_Error ) {
				return array_merge(
					$base,
					array(
						'label'       => __( 'CiviKey could not check CiviCRM API keys', 'civikey' ),
						'status'      => 'recommended',
						'description' => '<p>' . esc_html( $item->get_error_message() ) . '</p>',
					)
				);
			}
			++$keys;
			foreach ( $item['problems'] as $problem ) {
				$counts[ $problem ] = ( $counts[ $problem ] ?? 0 ) + 1;
			}
		}
		if ( ! $counts ) {
			return $base;
		}
		$labels = Inventory::problem_labels();
		$lines  = '';
		foreach ( $counts as $problem => $count ) {
			$lines .= '<li>' . esc_html( sprintf( '%s: %d', $labels[ $problem ] ?? $problem, $count ) ) . '</li>';
		}
		$serious = array_intersect( array_keys( $counts ), array( Inventory::PROBLEM_DUPLICATE, Inventory::PROBLEM_ADMINISTRATOR, Inventory::PROBLEM_SHORT ) );
		return array_merge(
			$base,
			array(
				'label'       => __( 'Some CiviCRM API keys have problems', 'civikey' ),
				'status'      => $serious ? 'critical' : 'recommended',
				'description' => '<p>' . esc_html(
					sprintf(
						/* translators: %d: number of contacts holding an API key. */
						_n( 'CiviKey checked %d contact holding an API key and found:', 'CiviKey checked %d contacts holding an API key and found:', $keys, 'civikey' ),
						$keys
					)
				) . '</p><ul>' . $lines . '</ul>',
			)
		);
	}
}
