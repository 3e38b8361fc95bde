<?php
/**
 * Connecting a new integration in one go.
 *
 * @package CiviKey
 */

namespace CiviKey\Integrations;

use CiviKey\Audit\Audit_Log;
use CiviKey\CiviCRM\Contact_Directory;
use CiviKey\Keys\Key_Service;
use CiviKey\Permissions\Role_Grant;
use CiviKey\Permissions\Role_Manager;
use CiviKey\Permissions\Service_User;
use Throwable;
use WP_Error;

/**
 * Makes what a plan describes: a service contact, a WordPress user linked to
 * it, the role with exactly the needed capabilities, and the key; each part
 * through the same services the separate screens use.
 *
 * A setup either finishes or leaves nothing behind: when a step fails, the
 * parts this run made are removed again, newest first, and the answer says
 * which step failed, why, and what was undone. The whole run shares one ID
 * in the audit trail.
 */
class Integration_Setup {

	public const STEP_VALIDATE = 'validate';
	public const STEP_CONTACT  = 'contact';
	public const STEP_USER     = 'user';
	public const STEP_ROLE     = 'role';
	public const STEP_KEY      = 'key';

	/**
	 * Planner.
	 *
	 * @var Integration_Planner
	 */
	private $planner;

	/**
	 * Contact directory.
	 *
	 * @var Contact_Directory
	 */
	private $contacts;

	/**
	 * Service users.
	 *
	 * @var Service_User
	 */
	private $users;

	/**
	 * Role grants.
	 *
	 * @var Role_Grant
	 */
	private $grants;

	/**
	 * Roles, for undoing one.
	 *
	 * @var Role_Manager
	 */
	private $roles;

	/**
	 * Keys.
	 *
	 * @var Key_Service
	 */
	private $keys;

	/**
	 * Audit trail.
	 *
	 * @var Audit_Log
	 */
	private $audit;

	/**
	 * Constructor.
	 *
	 * @param Integration_Planner $planner  Planner.
	 * @param Contact_Directory   $contacts Contact directory.
	 * @param Service_User        $users    Service users.
	 * @param Role_Grant          $grants   Role grants.
	 * @param Role_Manager        $roles    Roles.
	 * @param Key_Service         $keys     Keys.
	 * @param Audit_Log           $audit    Audit trail.
	 */
	public function __construct( Integration_Planner $planner, Contact_Directory $contacts, Service_User $users, Role_Grant $grants, Role_Manager $roles, Key_Service $keys, Audit_Log $audit ) {
		$this->planner  = $planner;
		$this->contacts = $contacts;
		$this->users    = $users;
		$this->grants   = $grants;
		$this->roles    = $roles;
		$this->keys     = $keys;
		$this->audit    = $audit;
	}

	/**
	 * Connects an integration.
	 *
	 * @param string             $name    Integration name.
	 * @param string             $profile Profile name, or custom.
	 * @param array<int, string> $custom  CiviCRM permissions, for custom.
	 * @param mixed              $key     The key, generated in the browser.
	 * @return array{run: string, contact: array<string, mixed>, user: array{user_id: int, login: string}, role: array<string, mixed>}|WP_Error
	 */
	public function run( string $name, string $profile, array $custom, $key ) {
		$plan = $this->planner->plan( $name, $profile, $custom );
		if ( is_wp_error( $plan ) ) {
			return self::with_step( $plan, self::STEP_VALIDATE, array(), array() );
		}
		// A key that cannot be used is refused before anything is made.
		$usable = $this->keys->check_new_key( $key );
		if ( is_wp_error( $usable ) ) {
			return self::with_step( $usable, self::STEP_VALIDATE, array(), array() );
		}

		$run  = $this->audit->begin_run();
		$made = new Setup_Parts();
		try {
			$result = $this->make( $plan, (string) $key, $made );
			if ( is_wp_error( $result ) ) {
				return $this->undo( $result, $made, $plan );
			}
			$this->audit->record(
				'integration_setup',
				$made->contact_id,
				array(
					'name'         => $plan['name'],
					'profile'      => $plan['profile'],
					'user_id'      => $made->user_id,
					'login'        => $result['user']['login'],
					'role'         => $result['role']['role'],
					'role_created' => $result['role']['created'],
				)
			);
			$result['run'] = $run;
			return $result;
		} finally {
			$this->audit->end_run();
		}
	}

	/**
	 * The steps, in order; each records what it made in $made so a later
	 * failure can undo it.
	 *
	 * @param array<string, mixed> $plan The plan.
	 * @param string               $key  The key.
	 * @param Setup_Parts          $made What this run has made so far.
	 * @return array{contact: array<string, mixed>, user: array{user_id: int, login: string}, role: array<string, mixed>}|WP_Error
	 */
	private function make( array $plan, string $key, Setup_Parts $made ) {
		$contact = $this->step(
			self::STEP_CONTACT,
			function () use ( $plan ) {
				return $this->contacts->create_service_contact( 'Organization', (string) $plan['name'] );
			}
		);
		if ( is_wp_error( $contact ) ) {
			return $contact;
		}
		$made->contact_id = (int) $contact['id'];
		$this->audit->record( 'contact_created', $made->contact_id, array( 'name' => $plan['name'] ) );

		$user = $this->step(
			self::STEP_USER,
			function () use ( $made, $plan ) {
				return $this->users->create_for( (int) $made->contact_id, (string) $plan['user']['login'] );
			}
		);
		if ( is_wp_error( $user ) ) {
			return $user;
		}
		$made->user_id = (int) $user['user_id'];
		$this->audit->record( 'user_created', $made->contact_id, $user );

		// Whether the role is new is decided now, not by the plan: another
		// admin may have made the same role since.
		$planned_role = (string) $plan['role']['role'];
		$role_is_new  = null === get_role( $planned_role );
		$role         = $this->step(
			self::STEP_ROLE,
			function () use ( $made, $plan ) {
				return $this->grants->grant( (int) $made->contact_id, (array) $plan['required'], (string) $plan['profile'] );
			}
		);
		if ( $role_is_new && null !== get_role( $planned_role ) ) {
			$made->role = $planned_role;
		}
		if ( is_wp_error( $role ) ) {
			return $role;
		}
		$this->audit->record( 'role_applied', $made->contact_id, $role );

		$keyed = $this->step(
			self::STEP_KEY,
			function () use ( $made, $key ) {
				return $this->keys->set_key( (int) $made->contact_id, $key, false );
			}
		);
		if ( is_wp_error( $keyed ) ) {
			return $keyed;
		}
		unset( $role['user_id'] );
		return array(
			'contact' => $keyed['contact'],
			'user'    => $user,
			'role'    => $role,
		);
	}

	/**
	 * Runs one step, turning a crash in code hooked into it (another
	 * plugin's user_register handler, say) into an error the run can undo.
	 *
	 * @param string   $step What the step makes.
	 * @param callable $work The step.
	 * @return mixed|WP_Error What the step returned; errors carry the step.
	 */
	private function step( string $step, callable $work ) {
		try {
			$result = $work();
		} catch ( Throwable $thrown ) {
			// Where, not what: an exception's message may hold anything. The
			// place goes to the audit trail with the failure, where the admin
			// who ran the setup can read it.
			$result = new WP_Error(
				'civikey_integration_crashed',
				sprintf(
					/* translators: 1: PHP exception class, 2: file and line, e.g. wp-content/plugins/x/x.php:12. */
					__( 'A PHP error (%1$s) in code that runs on this site stopped it, at %2$s. Ask whoever maintains that code.', 'civikey' ),
					get_class( $thrown ),
					self::site_relative( $thrown->getFile() ) . ':' . $thrown->getLine()
				),
				array(
					'status'   => 500,
					'crash_at' => self::site_relative( $thrown->getFile() ) . ':' . $thrown->getLine(),
				)
			);
		}
		if ( is_wp_error( $result ) ) {
			$result->add_data( array_merge( (array) $result->get_error_data(), array( 'step' => $step ) ) );
		}
		return $result;
	}

	/**
	 * Removes what this run made, newest first, and says so.
	 *
	 * The user goes before the role, since a role still held cannot be
	 * removed; deleting the user also removes its CiviCRM link
	 * (civicrm-wordpress includes/civicrm.users.php on deleted_user).
	 *
	 * @param WP_Error             $failure What failed.
	 * @param Setup_Parts          $made    What this run made.
	 * @param array<string, mixed> $plan    The plan.
	 * @return WP_Error
	 */
	private function undo( WP_Error $failure, Setup_Parts $made, array $plan ): WP_Error {
		// Newest first; each: the part, its ID, how to remove it, the audit action.
		$parts       = array(
			array( self::STEP_USER, $made->user_id, array( $this, 'delete_user' ), 'user_deleted' ),
			array( self::STEP_ROLE, $made->role, array( $this->roles, 'remove_if_unused' ), 'role_removed' ),
			array(
				self::STEP_CONTACT,
				$made->contact_id,
				function ( int $contact_id ): bool {
					return true === $this->contacts->delete_permanently( $contact_id );
				},
				'contact_deleted',
			),
		);
		$undone      = array();
		$left_behind = array();
		foreach ( $parts as list( $part, $id, $remove, $action ) ) {
			if ( null === $id ) {
				continue;
			}
			if ( $remove( $id ) ) {
				$undone[] = $part;
				$this->audit->record( $action, $made->contact_id, array( $part => $id ) );
			} else {
				$left_behind[] = array(
					'part' => $part,
					'id'   => $id,
				);
			}
		}
		$data = (array) $failure->get_error_data();
		$step = (string) ( $data['step'] ?? self::STEP_VALIDATE );
		$this->audit->record(
			'integration_setup',
			$made->contact_id,
			array(
				'name'        => $plan['name'],
				'profile'     => $plan['profile'],
				'step'        => $step,
				'error'       => $failure->get_error_code(),
				'crash_at'    => $data['crash_at'] ?? null,
				'undone'      => $undone,
				'left_behind' => $left_behind,
			),
			'failure'
		);
		return self::with_step( $failure, $step, $undone, $left_behind );
	}

	/**
	 * Deletes a user this run made, from the whole network on multisite
	 * (a new user exists network-wide, not only on this site).
	 *
	 * @param int $user_id User ID.
	 * @return bool Whether the user is gone.
	 */
	private function delete_user( int $user_id ): bool {
		require_once ABSPATH . 'wp-admin/includes/user.php';
		try {
			if ( is_multisite() ) {
				require_once ABSPATH . 'wp-admin/includes/ms.php';
				wpmu_delete_user( $user_id );
			} else {
				wp_delete_user( $user_id );
			}
		} catch ( Throwable $thrown ) {
			// Reported below: the user is still there, so it is left behind.
			unset( $thrown );
		}
		clean_user_cache( $user_id );
		return false === get_userdata( $user_id );
	}

	/**
	 * A path as the site knows it, without the server's directories.
	 *
	 * @param string $path Absolute path.
	 * @return string
	 */
	private static function site_relative( string $path ): string {
		return 0 === strpos( $path, ABSPATH ) ? substr( $path, strlen( ABSPATH ) ) : basename( $path );
	}

	/**
	 * The error as the setup answers it: what failed, why, and what became
	 * of the parts already made.
	 *
	 * @param WP_Error                                        $error       The error.
	 * @param string                                          $step        Failed step.
	 * @param array<int, string>                              $undone      Parts removed again.
	 * @param array<int, array{part: string, id: int|string}> $left_behind Parts that could not be removed.
	 * @return WP_Error
	 */
	private static function with_step( WP_Error $error, string $step, array $undone, array $left_behind ): WP_Error {
		$data = (array) $error->get_error_data();
		$what = array(
			self::STEP_CONTACT => __( 'Creating the service contact failed.', 'civikey' ),
			self::STEP_USER    => __( 'Creating the WordPress user failed.', 'civikey' ),
			self::STEP_ROLE    => __( 'Giving the user its role failed.', 'civikey' ),
			self::STEP_KEY     => __( 'Saving the key failed.', 'civikey' ),
		);
		if ( $left_behind ) {
			$parts = array_map(
				static function ( array $part ): string {
					return $part['part'] . ' ' . $part['id'];
				},
				$left_behind
			);
			$after = sprintf(
				/* translators: %s: list of parts, e.g. "contact 42". */
				__( 'These could not be removed again and need removing by hand: %s.', 'civikey' ),
				implode( ', ', $parts )
			);
		} elseif ( self::STEP_VALIDATE !== $step ) {
			$after = __( 'Everything this setup had created was removed again, so you can fix the cause and try again.', 'civikey' );
		} else {
			$after = '';
		}
		$message = self::STEP_VALIDATE === $step
			? $error->get_error_message()
			: trim( $what[ $step ] . ' ' . $error->get_error_message() . ' ' . $after );
		return new WP_Error(
			$error->get_error_code(),
			$message,
			array_merge(
				$data,
				array(
					'status'      => (int) ( $data['status'] ?? 500 ),
					'step'        => $step,
					'undone'      => $undone,
					'left_behind' => $left_behind,
				)
			)
		);
	}
}
