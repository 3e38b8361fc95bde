<?php
/**
 * Tests for `wp civikey connect`, through the real `wp` command.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\CLI;

use CiviKey\Tests\Runs_WP_CLI;
use CiviKey\Tests\Test_Case;

/**
 * The guided setup from the command line: the plan, then everything made at
 * once with the key printed once, or a clear refusal and a non-zero exit.
 */
class CLI_Connect_Test extends Test_Case {

	use Runs_WP_CLI;

	public function test_connect_makes_everything_prints_the_key_once_and_says_it_works() {
		$name = 'Cli sync ' . wp_generate_password( 6, false );

		// A permission set no other test uses: the child process commits the
		// user and role it makes, and the WP-CLI here has no `user`/`role`
		// commands to remove them (the test database is made afresh per run).
		$run = $this->wp( 'civikey connect ' . escapeshellarg( $name ) . " --profile=custom --permissions='view all contacts,access CiviEvent' --yes" );

		preg_match( '/contact (\d+), user (\S+), role (civikey_client_\w+)\./', $run['stdout'], $made );
		$this->assertSame( 0, $run['exit'], $run['stderr'] . $run['stdout'] );
		$this->assertCount( 4, $made, $run['stdout'] );
		$contact_id = (int) $made[1];
		$this->track_contact( $contact_id );
		$key = (string) $this->stored_key( $contact_id );
		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9]{32}$/', $key );
		$this->assertSame( 1, substr_count( $run['stdout'], $key ), 'The key is printed exactly once.' );
		$this->assertStringContainsString( 'Role:     ', $run['stdout'], 'The plan is shown first.' );

		$check = $this->wp( "civikey check $contact_id --profile=read_contacts" );
		$this->assertSame( 0, $check['exit'], 'The new key works: ' . $check['stdout'] . $check['stderr'] );
	}

	public function test_connect_refuses_an_unknown_profile_and_an_empty_name() {
		$profile = $this->wp( 'civikey connect Zapier --profile=everything --yes' );
		$blank   = $this->wp( "civikey connect ' ' --yes" );
		$nobody  = $this->wp( 'civikey connect Zapier --yes', '' );

		$this->assertSame( 1, $profile['exit'] );
		$this->assertStringContainsString( 'Unknown profile "everything"', $profile['stderr'] );
		$this->assertSame( 1, $blank['exit'] );
		$this->assertStringContainsString( 'Name the integration', $blank['stderr'] );
		$this->assertSame( 1, $nobody['exit'] );
		$this->assertStringContainsString( '--user=', $nobody['stderr'] );
	}
}
