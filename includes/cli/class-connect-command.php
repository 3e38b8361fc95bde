<?php
/**
 * `wp civikey connect`
 *
 * @package CiviKey
 */

namespace CiviKey\CLI;

use CiviKey\Integrations\Integration_Planner;
use CiviKey\Integrations\Integration_Setup;
use CiviKey\Keys\Key_Policy;
use CiviKey\Permissions\Profiles;
use CiviKey\Permissions\Report_Builder;
use WP_CLI;

/**
 * Connects a new integration: a service contact, a WordPress user linked to
 * it, a role with exactly the permissions it needs, and a 32-character key,
 * made in one go (or not at all) by the same setup as Tools → CiviKey.
 */
class Connect_Command {

	/**
	 * Planner.
	 *
	 * @var Integration_Planner
	 */
	private $planner;

	/**
	 * Setup.
	 *
	 * @var Integration_Setup
	 */
	private $setup;

	/**
	 * Report builder, for the verdict afterwards.
	 *
	 * @var Report_Builder
	 */
	private $reports;

	/**
	 * Constructor.
	 *
	 * @param Integration_Planner $planner Planner.
	 * @param Integration_Setup   $setup   Setup.
	 * @param Report_Builder      $reports Report builder.
	 */
	public function __construct( Integration_Planner $planner, Integration_Setup $setup, Report_Builder $reports ) {
		$this->planner = $planner;
		$this->setup   = $setup;
		$this->reports = $reports;
	}

	/**
	 * Connects a new integration and prints its key once.
	 *
	 * ## OPTIONS
	 *
	 * <name>
	 * : What the integration is called, e.g. Zapier. The contact, user and role are named after it.
	 *
	 * [--profile=<profile>]
	 * : What it must be able to do: a profile name, or custom with --permissions.
	 * ---
	 * default: read_contacts
	 * ---
	 *
	 * [--permissions=<permissions>]
	 * : For --profile=custom: CiviCRM permissions, separated by commas.
	 *
	 * [--yes]
	 * : Create without asking.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp civikey connect Zapier --profile=edit_contacts --user=admin
	 *
	 * @param array<int, string>    $args       Positional arguments.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function __invoke( array $args, array $assoc_args ): void {
		if ( ! get_current_user_id() ) {
			WP_CLI::error( 'Run this as a WordPress user who may manage keys, for example: --user=admin' );
		}
		$profile = (string) ( $assoc_args['profile'] ?? 'read_contacts' );
		if ( 'custom' !== $profile && null === Profiles::permissions( $profile ) ) {
			WP_CLI::error( sprintf( 'Unknown profile "%s". Choose one of: %s, custom.', $profile, implode( ', ', array_keys( Profiles::all() ) ) ) );
		}
		$custom = array_values( array_filter( array_map( 'trim', explode( ',', (string) ( $assoc_args['permissions'] ?? '' ) ) ) ) );
		$name   = (string) ( $args[0] ?? '' );

		$plan = $this->planner->plan( $name, $profile, $custom );
		if ( is_wp_error( $plan ) ) {
			WP_CLI::error( $plan->get_error_message() );
			return;
		}
		foreach ( $plan['existing_contacts'] as $existing ) {
			WP_CLI::warning( sprintf( 'Contact %d is already called "%s". To give that one a key instead: wp civikey set %d --generate', $existing['id'], $existing['display_name'], $existing['id'] ) );
		}
		WP_CLI::line( sprintf( 'Contact:  a new Organization "%s"', $plan['name'] ) );
		WP_CLI::line( sprintf( 'User:     %s (%s), random password never shown', $plan['user']['login'], $plan['user']['email'] ) );
		WP_CLI::line( sprintf( 'Role:     %s (%s): %s', $plan['role']['name'], $plan['role']['exists'] ? 'existing, reused' : 'new', implode( ', ', $plan['role']['capabilities'] ) ) );
		WP_CLI::line( sprintf( 'Key:      %d letters and digits, shown once', Key_Policy::DEFAULT_LENGTH ) );
		WP_CLI::confirm( 'Create all of this?', $assoc_args );

		$key    = Key_Policy::generate();
		$result = $this->setup->run( $name, $profile, $custom, $key );
		if ( is_wp_error( $result ) ) {
			WP_CLI::error( $result->get_error_message() );
			return;
		}
		$contact_id = (int) $result['contact']['id'];
		WP_CLI::success( sprintf( 'Connected "%s": contact %d, user %s, role %s.', $plan['name'], $contact_id, $result['user']['login'], $result['role']['role'] ) );
		WP_CLI::line( 'Copy this key now; it will not be shown again:' );
		WP_CLI::line( $key );

		$report = $this->reports->build( $contact_id, (array) $plan['required'] );
		if ( is_wp_error( $report ) ) {
			WP_CLI::error( $report->get_error_message() );
			return;
		}
		WP_CLI::line( $report['summary'] );
		if ( 'works' !== $report['verdict'] ) {
			WP_CLI::halt( 1 );
		}
	}
}
