<?php
/**
 * Tests for the key rules and the server-side generator.
 *
 * @package CiviKey\Tests
 */

namespace CiviKey\Tests\Keys;

use CiviKey\Keys\Key_Policy;
use CiviKey\Tests\Test_Case;

/**
 * Key_Policy is pure logic: every rule, and the generator's output.
 */
class Key_Policy_Test extends Test_Case {

	/**
	 * Keys that break a rule, with the error code each must give.
	 *
	 * @return array<string, array{0: mixed, 1: string}>
	 */
	public function data_bad_keys(): array {
		return array(
			'empty'            => array( '', 'civikey_key_empty' ),
			'not a string'     => array( 12345678901234567890, 'civikey_key_empty' ),
			'null'             => array( null, 'civikey_key_empty' ),
			'19 characters'    => array( str_repeat( 'a', 19 ), 'civikey_key_length' ),
			'33 characters'    => array( str_repeat( 'a', 33 ), 'civikey_key_length' ),
			'43-character b64' => array( 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8=', 'civikey_key_characters' ),
			'space'            => array( 'abcdefghij klmnopqrstu', 'civikey_key_characters' ),
			'ampersand'        => array( 'abcdefghij&klmnopqrstu', 'civikey_key_characters' ),
			'plus and slash'   => array( 'abcdefghij+klmnopqrst/', 'civikey_key_characters' ),
			'percent'          => array( 'abcdefghij%20klmnopqrst', 'civikey_key_characters' ),
			'non-ASCII letter' => array( 'abcdefghijklmnopqrstüv', 'civikey_key_characters' ),
			'newline'          => array( "abcdefghijklmnopqrstu\n", 'civikey_key_characters' ),
		);
	}

	/**
	 * Each bad key is refused with a 422 and its own code.
	 *
	 * @dataProvider data_bad_keys
	 *
	 * @param mixed  $key  Candidate.
	 * @param string $code Expected error code.
	 */
	public function test_bad_keys_are_refused_with_a_reason( $key, string $code ) {
		$result = Key_Policy::check_form( $key );

		$this->assertWPError( $result );
		$this->assertSame( $code, $result->get_error_code() );
		$this->assertSame( 422, $result->get_error_data()['status'] );
		if ( is_string( $key ) && '' !== $key ) {
			$this->assertStringNotContainsString( $key, $result->get_error_message(), 'An error message must never quote the key.' );
		}
	}

	public function test_the_count_of_bad_characters_is_given() {
		$result = Key_Policy::check_form( 'abc def&ghijklmnopqrstuv' );

		$this->assertStringContainsString( '2 characters', $result->get_error_message() );
	}

	public function test_letters_and_digits_of_20_to_32_characters_are_accepted() {
		$this->assertTrue( Key_Policy::check_form( str_repeat( 'aZ9', 6 ) . 'xy' ) );
		$this->assertTrue( Key_Policy::check_form( str_repeat( 'Ab3', 10 ) . 'cd' ) );
	}

	public function test_generated_keys_follow_the_rules() {
		foreach ( array( 20, 24, 32 ) as $length ) {
			$key = Key_Policy::generate( $length );
			$this->assertSame( $length, strlen( $key ) );
			$this->assertMatchesRegularExpression( '/^[A-Za-z0-9]+$/', $key );
			$this->assertTrue( Key_Policy::check_form( $key ) );
		}
		$this->assertSame( 32, strlen( Key_Policy::generate() ) );
	}

	public function test_generated_keys_differ() {
		$keys = array();
		for ( $i = 0; $i < 200; $i++ ) {
			$keys[] = Key_Policy::generate();
		}
		$this->assertCount( 200, array_unique( $keys ) );
	}

	public function test_generator_uses_the_whole_alphabet_evenly() {
		// 62,000 characters: each of the 62 should appear about 1,000 times.
		$counts = array_fill_keys( str_split( Key_Policy::ALPHABET ), 0 );
		for ( $i = 0; $i < 2000; $i++ ) {
			foreach ( count_chars( Key_Policy::generate( 31 ), 1 ) as $byte => $count ) {
				$counts[ chr( $byte ) ] += $count;
			}
		}
		$chi_square = 0.0;
		foreach ( $counts as $count ) {
			$chi_square += ( ( $count - 1000 ) ** 2 ) / 1000;
		}
		// 61 degrees of freedom: the 99.99th percentile is about 115.
		$this->assertLessThan( 115, $chi_square );
		$this->assertCount( 62, $counts );
	}

	public function test_generator_refuses_lengths_outside_the_rules() {
		$this->expectException( \InvalidArgumentException::class );
		Key_Policy::generate( 33 );
	}

	public function test_fingerprint_shows_length_and_last_four_only_for_long_keys() {
		$this->assertSame(
			array(
				'last4'  => 'WXYZ',
				'length' => 24,
			),
			Key_Policy::fingerprint( 'abcdefghijklmnopqrstWXYZ' )
		);
		$this->assertSame(
			array(
				'last4'  => '',
				'length' => 8,
			),
			Key_Policy::fingerprint( 'shortkey' )
		);
		$this->assertNull( Key_Policy::fingerprint( null ) );
		$this->assertNull( Key_Policy::fingerprint( '' ) );
	}
}
