<?php
/**
 * The WordPress user a key runs as.
 *
 * @package CiviKey
 */

namespace CiviKey\Permissions;

use CiviKey\CiviCRM\Contact_Directory;
use WP_Error;

/**
 * Creates a WordPress user for a service contact, or links an existing one,
 * through UFMatch, CiviCRM's contact–user link.
 */
class Service_User {

	/**
	 * Contact directory.
	 *
	 * @var Contact_Directory
	 */
	private $contacts;

	/**
	 * Constructor.
	 *
	 * @param Contact_Directory $contacts Contact directory.
	 */
	public function __construct( Contact_Directory $contacts ) {
		$this->contacts = $contacts;
	}

	/**
	 * Creates a user for the contact: a login from its name, no role (so it
	 * cannot use wp-admin), and a long random password nobody is shown.
	 *
	 * CiviCRM links every new WordPress user to a contact as it is created,
	 * making a new contact when none matches (civicrm-wordpress
	 * includes/civicrm.users.php on user_register). Linking this contact
	 * first, on the same hook but earlier, makes CiviCRM find the link and
	 * leave it be instead of making a duplicate contact.
	 *
	 * @param int         $contact_id Contact ID.
	 * @param string|null $login      The login to use, as a plan showed it; null picks one from the name.
	 * @return array{user_id: int, login: string}|WP_Error
	 */
	public function create_for( int $contact_id, ?string $login = null ) {
		$contact = $this->contacts->get( $contact_id );
		if ( is_wp_error( $contact ) ) {
			return $contact;
		}
		if ( null !== $contact['linked_user'] && $contact['linked_user']['exists'] ) {
			return new WP_Error( 'civikey_user_exists', __( 'This contact already has a WordPress user.', 'civikey' ), array( 'status' => 409 ) );
		}
		$login = $login ?? $this->unique_login( (string) $contact['display_name'], 'civicrm-contact-' . $contact_id );
		$email = $this->email_for( $contact, $login );

		$link_error = null;
		$link_first = function ( int $user_id ) use ( $contact_id, $contact, $email, &$link_error ): void {
			$linked = $this->contacts->link_user( $contact_id, $user_id, $email, null !== $contact['linked_user'] );
			if ( is_wp_error( $linked ) ) {
				$link_error = $linked;
			}
		};
		add_action( 'user_register', $link_first, 1 );
		$user_id = wp_insert_user(
			array(
				'user_login'   => $login,
				'user_pass'    => wp_generate_password( 64, true, true ),
				'user_email'   => $email,
				'display_name' => (string) $contact['display_name'],
				'role'         => '',
				'description'  => sprintf(
					/* translators: %d: CiviCRM contact ID. */
					__( 'Service user created by CiviKey for CiviCRM contact %d. Its API key authenticates as this user.', 'civikey' ),
					$contact_id
				),
			)
		);
		remove_action( 'user_register', $link_first, 1 );

		if ( is_wp_error( $user_id ) ) {
			return new WP_Error( 'civikey_user_create_failed', $user_id->get_error_message(), array( 'status' => 422 ) );
		}
		if ( $link_error instanceof WP_Error ) {
			// Nothing half-made: a user that is not linked is of no use.
			require_once ABSPATH . 'wp-admin/includes/user.php';
			wp_delete_user( $user_id );
			return $link_error;
		}
		return array(
			'user_id' => $user_id,
			'login'   => $login,
		);
	}

	/**
	 * Links an existing user to the contact.
	 *
	 * @param int  $contact_id Contact ID.
	 * @param int  $user_id    User ID.
	 * @param bool $move       Confirmed: move the user's link from the contact it has now.
	 * @return array{user_id: int, login: string, moved_from: int|null}|WP_Error
	 */
	public function link( int $contact_id, int $user_id, bool $move ) {
		$user = get_userdata( $user_id );
		if ( ! $user ) {
			return new WP_Error( 'civikey_user_missing', __( 'There is no WordPress user with that ID.', 'civikey' ), array( 'status' => 404 ) );
		}
		$contact = $this->contacts->get( $contact_id );
		if ( is_wp_error( $contact ) ) {
			return $contact;
		}
		$current = $this->contacts->contact_id_for_user( $user_id );
		if ( is_wp_error( $current ) ) {
			return $current;
		}
		if ( null !== $current && $current !== $contact_id && ! $move ) {
			return new WP_Error(
				'civikey_user_linked_elsewhere',
				sprintf(
					/* translators: %d: CiviCRM contact ID. */
					__( 'This WordPress user is linked to contact %d. Linking it here unlinks it from that contact; confirm to go ahead.', 'civikey' ),
					$current
				),
				array(
					'status'     => 409,
					'contact_id' => $current,
				)
			);
		}
		$linked = $this->contacts->link_user( $contact_id, $user_id, (string) $user->user_email, true );
		if ( is_wp_error( $linked ) ) {
			return $linked;
		}
		return array(
			'user_id'    => $user_id,
			'login'      => (string) $user->user_login,
			'moved_from' => $current !== $contact_id ? $current : null,
		);
	}

	/**
	 * The login and address a new service user for an integration of this
	 * name would get, so a plan can show them before anything exists.
	 *
	 * @param string $name Integration name.
	 * @return array{login: string, email: string}
	 */
	public function proposed( string $name ): array {
		$login = $this->unique_login( $name, 'integration' );
		return array(
			'login' => $login,
			'email' => self::unreachable_email( $login ),
		);
	}

	/**
	 * A free login from a name, e.g. "zapier", "zapier-2".
	 *
	 * @param string $name     Display name.
	 * @param string $fallback Base for names with no letters or digits in ASCII.
	 * @return string
	 */
	private function unique_login( string $name, string $fallback ): string {
		$base   = sanitize_user( strtolower( remove_accents( $name ) ), true );
		$base   = trim( (string) preg_replace( '/[^a-z0-9]+/', '-', $base ), '-' );
		$base   = '' !== $base ? substr( $base, 0, 50 ) : $fallback;
		$login  = $base;
		$suffix = 2;
		while ( username_exists( $login ) ) {
			$login = $base . '-' . $suffix;
			++$suffix;
		}
		return $login;
	}

	/**
	 * The contact's email when no other user has it, else an address that
	 * can never receive mail (RFC 2606), since WordPress and CiviCRM both key
	 * users by email.
	 *
	 * @param array<string, mixed> $contact Contact.
	 * @param string               $login   New login.
	 * @return string
	 */
	private function email_for( array $contact, string $login ): string {
		$email = is_string( $contact['email'] ) ? $contact['email'] : '';
		if ( '' !== $email && is_email( $email ) && ! email_exists( $email ) ) {
			return $email;
		}
		return self::unreachable_email( $login );
	}

	/**
	 * An address that can never receive mail (RFC 2606).
	 *
	 * @param string $login Login.
	 * @return string
	 */
	private static function unreachable_email( string $login ): string {
		return $login . '@service.invalid';
	}
}
