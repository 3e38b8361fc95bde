/**
 * The rules every key follows. The server applies the same rules
 * (includes/keys/class-key-policy.php): keep the two in step.
 *
 * Letters and digits only, because keys travel in headers and URLs where
 * `+ / = & ?` and spaces get mangled. At most 32 characters, because
 * civicrm_contact.api_key is varchar(32). At least 20: 62^20 ≈ 2^119.
 */

/** Shortest key CiviKey accepts. */
export const MIN_KEY_LENGTH = 20;

/** Longest key CiviKey accepts: what CiviCRM can store. */
export const MAX_KEY_LENGTH = 32;

/** Length of a generated key unless the admin picks another. */
export const DEFAULT_KEY_LENGTH = 32;

/** The 62 characters a key is made of. */
export const KEY_ALPHABET =
	'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
