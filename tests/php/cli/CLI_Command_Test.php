<?php
/**
 * Tests for `wp civikey`, through the real `wp` command.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\CLI;

use CiviKey\Tests\Runs_WP_CLI;
use CiviKey\Tests\Test_Case;

/**
 * Each test runs WP-CLI in a child process against the PHPUnit database (the
 * local stack's WordPress with this database's name and table prefix), and
 * checks its output, its exit code and what CiviCRM then holds.
 */
class CLI_Command_Test extends Test_Case {

	use Runs_WP_CLI;

	private const KEY = 'Clitestkey0123456789abcdefghijkl';

	public function test_set_with_generate_prints_a_new_key_once_and_stores_it() {
		$contact_id = $this->civicrm_contact();

		$run = $this->wp( "civikey set $contact_id --generate --length=24" );

		$this->assertSame( 0, $run['exit'], $run['stderr'] );
		$this->assertStringContainsString( "Set the key of contact $contact_id", $run['stdout'] );
		$stored = $this->stored_key( $contact_id );
		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9]{24}$/', (string) $stored );
		$this->assertSame( 1, substr_count( $run['stdout'], (string) $stored ), 'The key is printed exactly once.' );
	}

	public function test_set_with_a_bad_key_fails_with_the_reason() {
		$contact_id = $this->civicrm_contact();

		$run = $this->wp( "civikey set $contact_id --key=short+key" );

		$this->assertSame( 1, $run['exit'] );
		$this->assertStringContainsString( 'not a letter', $run['stderr'] );
		$this->assertNull( $this->stored_key( $contact_id ) );
	}

	public function test_replacing_needs_yes_and_revoke_removes_the_key() {
		$contact_id = $this->civicrm_contact( array( 'api_key' => self::KEY ) );

		$replaced = $this->wp( "civikey set $contact_id --generate --yes" );
		$this->assertSame( 0, $replaced['exit'], $replaced['stderr'] );
		$this->assertStringContainsString( 'Replaced', $replaced['stdout'] );
		$this->assertNotSame( self::KEY, $this->stored_key( $contact_id ) );

		$revoked = $this->wp( "civikey revoke $contact_id --yes" );
		$this->assertSame( 0, $revoked['exit'], $revoked['stderr'] );
		$this->assertNull( $this->stored_key( $contact_id ) );

		$again = $this->wp( "civikey revoke $contact_id --yes" );
		$this->assertSame( 1, $again['exit'] );
		$this->assertStringContainsString( 'no key to revoke', $again['stderr'] );
	}

	public function test_commands_need_a_user_and_a_valid_contact_id() {
		$no_user = $this->wp( 'civikey set 1 --generate', '' );
		$bad_id  = $this->wp( 'civikey revoke abc --yes' );
		$missing = $this->wp( 'civikey set 999999999 --generate' );

		$this->assertSame( 1, $no_user['exit'] );
		$this->assertStringContainsString( '--user=', $no_user['stderr'] );
		$this->assertSame( 1, $bad_id['exit'] );
		$this->assertStringContainsString( 'not a contact ID', $bad_id['stderr'] );
		$this->assertSame( 1, $missing['exit'] );
		$this->assertStringContainsString( 'no CiviCRM contact with ID 999999999', $missing['stderr'] );
	}

	public function test_check_exits_non_zero_until_the_key_works() {
		$contact_id = $this->civicrm_contact( array( 'api_key' => self::KEY ) );

		$run  = $this->wp( "civikey check $contact_id --format=json" );
		$data = json_decode( $run['stdout'], true );

		$this->assertSame( 1, $run['exit'] );
		$this->assertSame( 'anonymous', $data['verdict'] );

		$unknown = $this->wp( "civikey check $contact_id --profile=everything" );
		$this->assertSame( 1, $unknown['exit'] );
		$this->assertStringContainsString( 'Unknown profile', $unknown['stderr'] );
	}

	public function test_list_flags_problems_and_never_prints_keys() {
		$short = $this->civicrm_contact( array( 'api_key' => 'Short123' ) );
		$dup_a = $this->civicrm_contact( array( 'api_key' => self::KEY ) );
		$dup_b = $this->civicrm_contact( array( 'api_key' => strtoupper( self::KEY ) ) );

		$run  = $this->wp( 'civikey list --problems --format=json' );
		$rows = array_column( (array) json_decode( $run['stdout'], true ), null, 'contact_id' );

		$this->assertSame( 0, $run['exit'], $run['stderr'] );
		$this->assertContains( 'short', $rows[ $short ]['problems'] );
		$this->assertContains( 'no_user', $rows[ $short ]['problems'] );
		$this->assertContains( 'duplicate', $rows[ $dup_a ]['problems'] );
		$this->assertContains( 'duplicate', $rows[ $dup_b ]['problems'], 'AuthX ignores letter case, so these collide.' );
		$this->assertStringNotContainsString( self::KEY, $run['stdout'] );
		$this->assertStringNotContainsString( 'Short123', $run['stdout'] );
	}

	public function test_audit_lists_the_changes_made_from_the_command_line() {
		$contact_id = $this->civicrm_contact();
		$this->wp( "civikey set $contact_id --generate" );
		$this->wp( "civikey revoke $contact_id --yes" );

		$run     = $this->wp( 'civikey audit --since=2020-01-01 --format=json' );
		$entries = array_values(
			array_filter(
				(array) json_decode( $run['stdout'], true ),
				static function ( $entry ) use ( $contact_id ) {
					return (int) $entry['contact_id'] === $contact_id;
				}
			)
		);

		$this->assertSame( 0, $run['exit'], $run['stderr'] );
		$this->assertSame( array( 'key_revoke', 'key_set' ), array_column( $entries, 'action' ) );
		$this->assertSame( 'admin', $entries[0]['user_login'] );

		$bad_date = $this->wp( 'civikey audit --since=someday' );
		$this->assertSame( 1, $bad_date['exit'] );
	}
}
