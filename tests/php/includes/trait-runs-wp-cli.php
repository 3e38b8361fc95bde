<?php
/**
 * Running the real `wp` command from a test.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests;

/**
 * WP-CLI in a child process against the PHPUnit database (the local stack's
 * WordPress with this database's name and table prefix). The child commits
 * what it does: a test cleans up what its commands made.
 */
trait Runs_WP_CLI {

	/**
	 * Runs `wp` against this test database.
	 *
	 * @param string $command Arguments after `wp`.
	 * @param string $user    --user value; '' for none.
	 * @return array{exit: int, stdout: string, stderr: string}
	 */
	protected static function wp( string $command, string $user = 'admin' ): array {
		$wp = CIVIKEY_TESTS_ROOT . '/vendor/wp-cli/wp-cli/php/boot-fs.php';
		return self::run_against_test_database(
			escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( $wp ) . ' --path=' . escapeshellarg( CIVIKEY_TESTS_WP_DIR )
			. ( '' !== $user ? ' --user=' . escapeshellarg( $user ) : '' ) . ' ' . $command
		);
	}

	/**
	 * Runs a command with the stack's WordPress pointed at this database
	 * (its wp-config.php reads the name and table prefix from the environment).
	 *
	 * @param string $line Shell command.
	 * @return array{exit: int, stdout: string, stderr: string}
	 */
	protected static function run_against_test_database( string $line ): array {
		$env = array_merge(
			getenv(),
			array(
				'CIVIKEY_DB_NAME'      => DB_NAME,
				'CIVIKEY_TABLE_PREFIX' => $GLOBALS['table_prefix'],
				'WP_CLI_ALLOW_ROOT'    => '1',
			)
		);
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- runs the real wp command and the seed.
		$process = proc_open(
			$line,
			array(
				1 => array( 'pipe', 'w' ),
				2 => array( 'pipe', 'w' ),
			),
			$pipes,
			CIVIKEY_TESTS_ROOT,
			$env
		);
		$stdout  = stream_get_contents( $pipes[1] );
		$stderr  = stream_get_contents( $pipes[2] );
		fclose( $pipes[1] ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fclose -- a pipe.
		fclose( $pipes[2] ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fclose -- a pipe.
		return array(
			'exit'   => proc_close( $process ),
			'stdout' => (string) $stdout,
			'stderr' => (string) $stderr,
		);
	}
}
