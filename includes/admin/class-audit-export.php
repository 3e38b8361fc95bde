<?php
/**
 * The audit trail as a CSV download.
 *
 * @package CiviKey
 */

namespace CiviKey\Admin;

use CiviKey\Access;
use CiviKey\Audit\Audit_Log;

/**
 * Serves wp-admin/admin-post.php?action=civikey_audit_csv, nonce-checked.
 */
class Audit_Export {

	public const ACTION = 'civikey_audit_csv';

	/**
	 * Audit trail.
	 *
	 * @var Audit_Log
	 */
	private $audit;

	/**
	 * Constructor.
	 *
	 * @param Audit_Log $audit Audit trail.
	 */
	public function __construct( Audit_Log $audit ) {
		$this->audit = $audit;
	}

	/**
	 * Hooks into WordPress.
	 */
	public function register(): void {
		add_action( 'admin_post_' . self::ACTION, array( $this, 'download' ) );
	}

	/**
	 * The URL of the download, with its nonce.
	 *
	 * @return string
	 */
	public static function url(): string {
		// Not wp_nonce_url(): it escapes & for HTML, and this URL goes to JavaScript.
		return add_query_arg(
			array(
				'action'   => self::ACTION,
				'_wpnonce' => wp_create_nonce( self::ACTION ),
			),
			admin_url( 'admin-post.php' )
		);
	}

	/**
	 * Sends the CSV.
	 */
	public function download(): void {
		if ( ! Access::current_user_can_manage() ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to export the CiviKey audit trail.', 'civikey' ), 403 );
		}
		check_admin_referer( self::ACTION );
		nocache_headers();
		header( 'Content-Type: text/csv; charset=utf-8' );
		header( 'Content-Disposition: attachment; filename="civikey-audit-' . gmdate( 'Y-m-d' ) . '.csv"' );
		$out = fopen( 'php://output', 'w' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fopen -- streaming to the response.
		if ( false === $out ) {
			return;
		}
		$this->write( $out );
		fclose( $out ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fclose -- streaming to the response.
		exit;
	}

	/**
	 * Writes every entry as CSV.
	 *
	 * @param resource $out Stream.
	 */
	public function write( $out ): void {
		fputcsv( $out, array( 'id', 'created_at_utc', 'user_id', 'user_login', 'contact_id', 'action', 'result', 'ip', 'details', 'run' ), ',', '"', '\\' );
		for ( $page = 1; ; $page++ ) {
			$found = $this->audit->entries(
				array(
					'page'     => $page,
					'per_page' => 1000,
				)
			);
			foreach ( $found['items'] as $entry ) {
				fputcsv(
					$out,
					array_map(
						array( self::class, 'cell' ),
						array(
							$entry['id'],
							$entry['created_at'],
							$entry['user_id'],
							$entry['user_login'],
							$entry['contact_id'],
							$entry['action'],
							$entry['result'],
							$entry['ip'],
							$entry['details'] ? wp_json_encode( $entry['details'] ) : '',
							$entry['run'],
						)
					),
					',',
					'"',
					'\\'
				);
			}
			if ( $page * 1000 >= $found['total'] ) {
				break;
			}
		}
	}

	/**
	 * A cell a spreadsheet will not run as a formula (CSV injection): text
	 * starting with = + - @ or a tab or carriage return gets a leading quote.
	 *
	 * @param mixed $value Value.
	 * @return string
	 */
	public static function cell( $value ): string {
		$text = null === $value ? '' : (string) $value;
		if ( '' !== $text && in_array( $text[0], array( '=', '+', '-', '@', "\t", "\r" ), true ) ) {
			return "'" . $text;
		}
		return $text;
	}
}
