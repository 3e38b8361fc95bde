/**
 * The login the server will try first for a contact's new user, worked out
 * as includes/permissions/class-service-user.php unique_login() does: the
 * name lower-cased, without accents, stripped to what a strict WordPress
 * login allows, with every other run of characters turned into a hyphen.
 *
 * The server adds "-2", "-3"… when the login is taken, and WordPress maps a
 * few letters (such as ß) that this leaves out, so the dialog says the login
 * may differ.
 *
 * @param name      Contact display name.
 * @param contactId Contact ID, for names that leave nothing.
 * @return E.g. "zapier" for "Zapier", "civicrm-contact-12" for "???".
 */
export function suggestLogin( name: string, contactId: number ): string {
	const base = name
		.toLowerCase()
		.normalize( 'NFD' )
		.replace( /[\u0300-\u036f]/g, '' )
		.replace( /[^a-z0-9 _.\-@]/g, '' )
		.trim()
		.replace( /[^a-z0-9]+/g, '-' )
		.replace( /^-+|-+$/g, '' )
		.slice( 0, 50 );
	return base !== '' ? base : `civicrm-contact-${ contactId }`;
}
