<?php
/**
 * Will this key work?
 *
 * @package CiviKey
 */

namespace CiviKey\Permissions;

/**
 * Judges whether a contact's key will work, from facts gathered elsewhere.
 *
 * Pure logic: no WordPress or CiviCRM calls, so every combination can be
 * tested. It follows what AuthX does when a request arrives with
 * `X-Civi-Auth: Bearer <key>` (ext/authx/Civi/Authx/Authenticator.php
 * checkPolicy()) and how CiviCRM on WordPress checks permissions
 * (CRM/Core/Permission/WordPress.php check()).
 *
 * Facts (all keys required):
 * - contact: { id: int, display_name: string, is_deleted: bool }
 * - user: null (no UFMatch) or { id: int, exists: bool, login: ?string,
 *   roles: string[], is_super_admin: bool, capabilities: array<string, bool> }
 * - anonymous_capabilities: array<string, bool>, the anonymous_user role's
 * - authx: { state: enabled|disabled|not_installed|unknown,
 *   settings: null or { guards: string[], flows: array<flow, { credentials: string[], user_mode: string }> } }
 * - site_key_defined: bool
 * - required: string[], the CiviCRM permissions the integration needs
 * - current_user_contact_id: ?int, the contact of the admin looking
 */
final class Permission_Report {

	public const WORKS     = 'works';
	public const ANONYMOUS = 'anonymous';
	public const REFUSED   = 'refused';

	public const PASS = 'pass';
	public const FAIL = 'fail';
	public const WARN = 'warn';
	public const INFO = 'info';

	/**
	 * The flow CiviKey recommends: a header that web servers do not strip.
	 */
	public const FLOW = 'xheader';

	/**
	 * Facts the report is built from.
	 *
	 * @var array<string, mixed>
	 */
	private $facts;

	/**
	 * Checks in display order.
	 *
	 * @var array<int, array<string, mixed>>
	 */
	private $checks = array();

	/**
	 * Reasons the key will be refused, most fundamental first.
	 *
	 * @var array<int, string>
	 */
	private $refusals = array();

	/**
	 * Constructor.
	 *
	 * @param array<string, mixed> $facts See the class comment.
	 */
	public function __construct( array $facts ) {
		$this->facts = $facts;
	}

	/**
	 * The report.
	 *
	 * @return array{verdict: string, summary: string, needs_site_key: bool, runs_as: array<string, mixed>, checks: array<int, array<string, mixed>>, permissions: array<int, array<string, mixed>>, warnings: array<int, array<string, mixed>>}
	 */
	public function build(): array {
		$this->checks   = array();
		$this->refusals = array();

		$authx_ready  = $this->check_authx();
		$flow         = $authx_ready ? $this->check_flow() : null;
		$runs_as_user = $this->check_contact_and_user( $flow );
		$needs_site   = $flow ? $this->check_guards( $runs_as_user ) : false;
		$permissions  = $this->permissions( $runs_as_user );
		$this->check_permissions( $permissions, $runs_as_user );

		if ( $this->refusals ) {
			$verdict = self::REFUSED;
			$summary = sprintf(
				/* translators: %s: the first reason, e.g. "AuthX is disabled". */
				__( 'This key will be refused because %s.', 'civikey' ),
				$this->refusals[0]
			);
		} elseif ( ! $runs_as_user ) {
			$verdict = self::ANONYMOUS;
			$summary = __( 'This key authenticates, but requests run as an anonymous visitor: the contact has no WordPress user, so they get only what anonymous visitors may do. Link or create a user for this contact.', 'civikey' );
		} else {
			$verdict = self::WORKS;
			$summary = $needs_site
				? __( 'This key works when requests also send the site key (X-Civi-Key header).', 'civikey' )
				: __( 'This key works: requests authenticate as the linked WordPress user, who has every permission the integration needs.', 'civikey' );
		}

		return array(
			'verdict'        => $verdict,
			'summary'        => $summary,
			'needs_site_key' => $needs_site,
			'runs_as'        => $this->runs_as( $runs_as_user ),
			'checks'         => $this->checks,
			'permissions'    => $permissions,
			'warnings'       => $this->warnings( $runs_as_user ),
		);
	}

	/**
	 * AuthX must be enabled for any key to authenticate.
	 *
	 * @return bool
	 */
	private function check_authx(): bool {
		$state = (string) $this->facts['authx']['state'];
		if ( 'enabled' === $state ) {
			$this->add_check( 'authx', self::PASS, __( 'AuthX is enabled.', 'civikey' ) );
			return true;
		}
		if ( 'unknown' === $state ) {
			$this->add_check(
				'authx',
				self::WARN,
				__( 'CiviKey could not read whether AuthX is enabled: your CiviCRM account may not list extensions. A CiviCRM administrator can check under Administer → System Settings → Extensions.', 'civikey' )
			);
			return false;
		}
		$reason = 'disabled' === $state
			? __( 'the AuthX extension is disabled', 'civikey' )
			: __( 'the AuthX extension is not installed', 'civikey' );
		$this->refuse( $reason );
		$this->add_check(
			'authx',
			self::FAIL,
			__( 'AuthX, the CiviCRM extension that lets API keys log in, is not enabled.', 'civikey' ),
			'open_extensions',
			__( 'Enable AuthX under CiviCRM → Administer → System Settings → Extensions.', 'civikey' )
		);
		return false;
	}

	/**
	 * The X-Civi-Auth flow must accept API keys.
	 *
	 * @return array{credentials: array<int, string>, user_mode: string}|null The flow's settings.
	 */
	private function check_flow(): ?array {
		$settings = $this->facts['authx']['settings'];
		if ( ! is_array( $settings ) ) {
			$this->add_check(
				'flow',
				self::WARN,
				__( 'CiviKey could not read AuthX\'s settings (they need the "administer CiviCRM" permission), so it assumes AuthX\'s defaults.', 'civikey' )
			);
			$settings                         = array(
				'guards' => array( 'site_key', 'perm' ),
				'flows'  => array(
					self::FLOW => array(
						'credentials' => array( 'jwt', 'api_key' ),
						'user_mode'   => 'optional',
					),
				),
			);
			$this->facts['authx']['settings'] = $settings;
		}
		$flow = $settings['flows'][ self::FLOW ] ?? array(
			'credentials' => array(),
			'user_mode'   => 'optional',
		);
		if ( in_array( 'api_key', $flow['credentials'], true ) ) {
			$this->add_check( 'flow', self::PASS, __( 'AuthX accepts API keys in the X-Civi-Auth header.', 'civikey' ) );
			$header = $settings['flows']['header'] ?? null;
			if ( is_array( $header ) && ! in_array( 'api_key', $header['credentials'], true ) ) {
				$this->add_check(
					'header_flow',
					self::INFO,
					__( 'AuthX does not accept API keys in the standard Authorization header on this site: clients must use X-Civi-Auth, as CiviKey\'s examples do.', 'civikey' )
				);
			}
			return $flow;
		}
		$this->refuse( __( 'AuthX does not accept API keys in the X-Civi-Auth header', 'civikey' ) );
		$this->add_check(
			'flow',
			self::FAIL,
			__( 'AuthX is set not to accept API keys in the X-Civi-Auth header.', 'civikey' ),
			'open_authx_settings',
			__( 'Under CiviCRM → Administer → System Settings → Authentication, add "API Key" to the credentials accepted by "HTTP X-Header".', 'civikey' )
		);
		return null;
	}

	/**
	 * The contact must be active, and a linked, existing WordPress user is
	 * what the request runs as.
	 *
	 * @param array{credentials: array<int, string>, user_mode: string}|null $flow Flow settings, null when AuthX is not usable.
	 * @return bool Whether requests run as a WordPress user.
	 */
	private function check_contact_and_user( ?array $flow ): bool {
		if ( ! empty( $this->facts['contact']['is_deleted'] ) ) {
			// AuthX refuses contacts in the trash: Contact.get skips them (checkPolicy()).
			$this->refuse( __( 'the contact is in CiviCRM\'s trash', 'civikey' ) );
			$this->add_check(
				'contact',
				self::FAIL,
				__( 'The contact is in CiviCRM\'s trash, and AuthX refuses keys of deleted contacts.', 'civikey' ),
				'restore_contact',
				__( 'Restore the contact in CiviCRM, or give the key to an active contact.', 'civikey' )
			);
		}

		$user      = $this->facts['user'];
		$user_mode = $flow ? (string) $flow['user_mode'] : 'optional';
		if ( 'ignore' === $user_mode ) {
			$this->add_check(
				'user',
				self::WARN,
				__( 'AuthX is set to ignore WordPress users for the X-Civi-Auth header, so requests run as an anonymous visitor whatever user is linked.', 'civikey' ),
				'open_authx_settings',
				__( 'Set the user mode of "HTTP X-Header" to "Optional" under CiviCRM → Administer → System Settings → Authentication.', 'civikey' )
			);
			return false;
		}
		if ( null === $user ) {
			$this->add_no_user_check(
				'require' === $user_mode,
				__( 'The contact has no WordPress user.', 'civikey' )
			);
			return false;
		}
		if ( empty( $user['exists'] ) ) {
			$this->add_no_user_check(
				true,
				sprintf(
					/* translators: %d: WordPress user ID. */
					__( 'The contact is linked to WordPress user #%d, which no longer exists.', 'civikey' ),
					(int) $user['id']
				)
			);
			return false;
		}
		$this->add_check(
			'user',
			self::PASS,
			sprintf(
				/* translators: 1: WordPress login, 2: roles, comma-separated. */
				__( 'Requests run as the WordPress user "%1$s" (%2$s).', 'civikey' ),
				(string) $user['login'],
				$user['roles'] ? implode( ', ', $user['roles'] ) : __( 'no role', 'civikey' )
			)
		);
		return true;
	}

	/**
	 * The check for a missing user.
	 *
	 * @param bool   $refused AuthX refuses the request (user mode "require", or a dangling link).
	 * @param string $detail  What is wrong.
	 */
	private function add_no_user_check( bool $refused, string $detail ): void {
		if ( $refused ) {
			$this->refuse( __( 'AuthX needs a WordPress user for this contact and there is none', 'civikey' ) );
		}
		$this->add_check(
			'user',
			$refused ? self::FAIL : self::WARN,
			$refused ? $detail : $detail . ' ' . __( 'Requests with its key run as an anonymous visitor.', 'civikey' ),
			'create_user',
			__( 'Create a WordPress user for this contact, or link an existing one.', 'civikey' )
		);
	}

	/**
	 * AuthX's guards: any one passing lets the key in.
	 *
	 * @param bool $runs_as_user Requests run as the linked user.
	 * @return bool Whether requests must send the site key.
	 */
	private function check_guards( bool $runs_as_user ): bool {
		$guards = $this->facts['authx']['settings']['guards'];
		if ( ! $guards ) {
			$this->add_check( 'guard', self::PASS, __( 'AuthX has no guards: any valid key may log in.', 'civikey' ) );
			return false;
		}
		// The permission guard is judged for the contact's user, or as an
		// anonymous visitor when there is none.
		if ( in_array( 'perm', $guards, true ) && $this->has_permission( Profiles::AUTHENTICATE, $runs_as_user ) ) {
			$this->add_check( 'guard', self::PASS, __( 'The user may "authenticate with api key", so AuthX\'s permission guard lets the key in.', 'civikey' ) );
			return false;
		}
		if ( in_array( 'site_key', $guards, true ) && ! empty( $this->facts['site_key_defined'] ) ) {
			$this->add_check(
				'guard',
				self::WARN,
				__( 'Requests must also send the site key (X-Civi-Key header), because the user may not "authenticate with api key".', 'civikey' ),
				in_array( 'perm', $guards, true ) && $runs_as_user ? 'apply_role' : null,
				__( 'Give the user "authenticate with api key" so the site key need not be shared, or send the site key with every request.', 'civikey' )
			);
			return true;
		}
		$this->refuse( __( 'no AuthX guard can pass: the user may not "authenticate with api key" and the site key cannot be used', 'civikey' ) );
		$this->add_check(
			'guard',
			self::FAIL,
			__( 'AuthX will turn the key away: the user may not "authenticate with api key", and the site-key guard is off or no site key is defined.', 'civikey' ),
			$runs_as_user ? 'apply_role' : 'create_user',
			__( 'Give the user the "authenticate with api key" permission.', 'civikey' )
		);
		return false;
	}

	/**
	 * Required permissions against present ones.
	 *
	 * @param bool $runs_as_user Requests run as the linked user.
	 * @return array<int, array{permission: string, capability: string, required: bool, present: bool}>
	 */
	private function permissions( bool $runs_as_user ): array {
		$required = array_values( array_unique( array_map( 'strval', $this->facts['required'] ) ) );
		$shown    = array_unique( array_merge( $required, array( Profiles::AUTHENTICATE, Profiles::ADMINISTER ) ) );
		$rows     = array();
		foreach ( $shown as $permission ) {
			$rows[] = array(
				'permission' => $permission,
				'capability' => Capability_Map::capability( $permission ),
				'required'   => in_array( $permission, $required, true ),
				'present'    => $this->has_permission( $permission, $runs_as_user ),
			);
		}
		return $rows;
	}

	/**
	 * Adds the check for missing required permissions.
	 *
	 * @param array<int, array{permission: string, capability: string, required: bool, present: bool}> $permissions Rows.
	 * @param bool                                                                                     $runs_as_user Requests run as the linked user.
	 */
	private function check_permissions( array $permissions, bool $runs_as_user ): void {
		$missing = array();
		foreach ( $permissions as $row ) {
			if ( $row['required'] && ! $row['present'] ) {
				$missing[] = $row['permission'];
			}
		}
		if ( ! $missing ) {
			$this->add_check( 'permissions', self::PASS, __( 'Every permission the integration needs is present.', 'civikey' ) );
			return;
		}
		$list = '"' . implode( '", "', $missing ) . '"';
		if ( $runs_as_user ) {
			$this->refuse(
				sprintf(
					/* translators: %s: quoted CiviCRM permission names. */
					__( 'the user lacks %s', 'civikey' ),
					$list
				)
			);
		}
		$this->add_check(
			'permissions',
			$runs_as_user ? self::FAIL : self::WARN,
			sprintf(
				/* translators: %s: quoted CiviCRM permission names. */
				$runs_as_user ? __( 'The user lacks %s.', 'civikey' ) : __( 'Anonymous visitors lack %s.', 'civikey' ),
				$list
			),
			$runs_as_user ? 'apply_role' : 'create_user',
			$runs_as_user
				? __( 'Give the user a dedicated role with exactly these permissions.', 'civikey' )
				: __( 'Create a WordPress user for this contact and give it a dedicated role.', 'civikey' )
		);
	}

	/**
	 * Least-privilege warnings; they do not stop the key from working.
	 *
	 * @param bool $runs_as_user Requests run as the linked user.
	 * @return array<int, array{id: string, message: string}>
	 */
	private function warnings( bool $runs_as_user ): array {
		$warnings = array();
		$user     = $this->facts['user'];
		if ( $runs_as_user && ( in_array( 'administrator', $user['roles'], true ) || ! empty( $user['is_super_admin'] ) ) ) {
			$warnings[] = array(
				'id'      => 'administrator',
				'message' => __( 'The linked user is a WordPress administrator, so the key can do anything in CiviCRM and WordPress\'s REST API too. Give the integration its own user with a dedicated role.', 'civikey' ),
			);
		} elseif ( $runs_as_user && $this->has_permission( Profiles::ADMINISTER, true ) && ! in_array( Profiles::ADMINISTER, $this->facts['required'], true ) ) {
			$warnings[] = array(
				'id'      => 'administer_civicrm',
				'message' => __( 'The linked user has "administer CiviCRM", which the integration does not need. Use a role with only the permissions it needs.', 'civikey' ),
			);
		}
		$own = $this->facts['current_user_contact_id'];
		if ( null !== $own && (int) $own === (int) $this->facts['contact']['id'] ) {
			$warnings[] = array(
				'id'      => 'own_contact',
				'message' => __( 'This is your own contact: the key would act as you. Give each integration a dedicated service contact instead.', 'civikey' ),
			);
		}
		return $warnings;
	}

	/**
	 * Whether requests have a CiviCRM permission, as CiviCRM on WordPress
	 * decides: administrators and super admins have all; others need the
	 * mapped capability; with no user, the anonymous_user role decides.
	 *
	 * @param string $permission   CiviCRM permission.
	 * @param bool   $runs_as_user Requests run as the linked user.
	 * @return bool
	 */
	private function has_permission( string $permission, bool $runs_as_user ): bool {
		$capability = Capability_Map::capability( $permission );
		if ( ! $runs_as_user ) {
			return ! empty( $this->facts['anonymous_capabilities'][ $capability ] );
		}
		$user = $this->facts['user'];
		if ( ! empty( $user['is_super_admin'] ) || in_array( 'administrator', $user['roles'], true ) ) {
			return true;
		}
		return ! empty( $user['capabilities'][ $capability ] );
	}

	/**
	 * Who the request runs as.
	 *
	 * @param bool $runs_as_user Requests run as the linked user.
	 * @return array{type: string, user_id: int|null, login: string|null}
	 */
	private function runs_as( bool $runs_as_user ): array {
		$user = $this->facts['user'];
		return array(
			'type'    => $runs_as_user ? 'user' : 'anonymous',
			'user_id' => $runs_as_user ? (int) $user['id'] : null,
			'login'   => $runs_as_user ? (string) $user['login'] : null,
		);
	}

	/**
	 * Records a reason for refusal.
	 *
	 * @param string $reason Clause completing "will be refused because …".
	 */
	private function refuse( string $reason ): void {
		$this->refusals[] = $reason;
	}

	/**
	 * Adds a check line.
	 *
	 * @param string      $id      Check ID.
	 * @param string      $status  pass, fail or warn.
	 * @param string      $message What was found.
	 * @param string|null $fix     Fix ID the screen offers a button for.
	 * @param string|null $fix_how How to fix it, in words.
	 */
	private function add_check( string $id, string $status, string $message, ?string $fix = null, ?string $fix_how = null ): void {
		$this->checks[] = array(
			'id'      => $id,
			'status'  => $status,
			'message' => $message,
			'fix'     => in_array( $status, array( self::PASS, self::INFO ), true ) ? null : $fix,
			'fix_how' => in_array( $status, array( self::PASS, self::INFO ), true ) ? null : $fix_how,
		);
	}
}
