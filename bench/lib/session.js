/**
 * An admin session for the HTTP measurements: the login cookies and a REST
 * nonce, exactly what the CiviKey screen sends (cookie + X-WP-Nonce).
 */

/**
 * Logs in through wp-login.php.
 *
 * @param {string} siteUrl  Site URL, e.g. http://127.0.0.1:8889.
 * @param {string} user     Login.
 * @param {string} password Password.
 * @return {Promise<{cookies: {name: string, value: string}[], cookieHeader: string, nonce: string}>} The session.
 */
async function logIn( siteUrl, user, password ) {
	const response = await fetch( `${ siteUrl }/wp-login.php`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			// WordPress refuses a login from a client that shows no cookies.
			Cookie: 'wordpress_test_cookie=WP%20Cookie%20check',
		},
		body: new URLSearchParams( {
			log: user,
			pwd: password,
			'wp-submit': 'Log In',
			redirect_to: `${ siteUrl }/wp-admin/`,
			testcookie: '1',
		} ),
	} );
	const cookies = response.headers
		.getSetCookie()
		.map( ( line ) => line.split( ';' )[ 0 ] )
		.map( ( pair ) => {
			const at = pair.indexOf( '=' );
			return { name: pair.slice( 0, at ), value: pair.slice( at + 1 ) };
		} )
		.filter( ( cookie ) => cookie.name.startsWith( 'wordpress_' ) );
	if (
		response.status !== 302 ||
		! cookies.some( ( c ) => c.name.startsWith( 'wordpress_logged_in_' ) )
	) {
		throw new Error(
			`Could not log in to ${ siteUrl } as ${ user } (HTTP ${ response.status }). Is the stack running, and is the password right (CIVIKEY_ADMIN_PASSWORD)?`
		);
	}
	const cookieHeader = cookies
		.map( ( c ) => `${ c.name }=${ c.value }` )
		.join( '; ' );
	const nonceResponse = await fetch(
		`${ siteUrl }/wp-admin/admin-ajax.php?action=rest-nonce`,
		{
			headers: { Cookie: cookieHeader },
		}
	);
	const nonce = ( await nonceResponse.text() ).trim();
	if ( ! /^[0-9a-f]{10}$/.test( nonce ) ) {
		throw new Error(
			`No REST nonce from admin-ajax.php (HTTP ${ nonceResponse.status }).`
		);
	}
	return { cookies, cookieHeader, nonce };
}

/**
 * Headers that authenticate a REST request as the logged-in admin.
 *
 * @param {{cookieHeader: string, nonce: string}} session The session.
 * @return {Record<string, string>} Headers.
 */
function restHeaders( session ) {
	return { Cookie: session.cookieHeader, 'X-WP-Nonce': session.nonce };
}

/**
 * GET a REST route as the admin; throws unless it answers 200.
 *
 * @param {string}                                siteUrl Site URL.
 * @param {{cookieHeader: string, nonce: string}} session The session.
 * @param {string}                                route   Route with query, e.g. /civikey/v1/status.
 * @return {Promise<{body: any, headers: Headers, ms: number}>} Body, headers and the client-side time.
 */
async function getRest( siteUrl, session, route ) {
	const started = performance.now();
	const response = await fetch( `${ siteUrl }/wp-json${ route }`, {
		headers: restHeaders( session ),
	} );
	const text = await response.text();
	const ms = performance.now() - started;
	if ( response.status !== 200 ) {
		throw new Error(
			`GET ${ route } answered HTTP ${ response.status }: ${ text.slice( 0, 200 ) }`
		);
	}
	return { body: JSON.parse( text ), headers: response.headers, ms };
}

module.exports = { logIn, restHeaders, getRest };
