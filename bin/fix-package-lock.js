/**
 * The npm registry our machines reach lacks the non-Linux builds of
 * unrs-resolver (an optional dependency of the ESLint import resolver), so
 * `npm install` leaves them out of package-lock.json and `npm ci` then refuses
 * the lock. This adds lock entries for them, marked optional and for their own
 * platform, which npm ci skips on Linux. Run it after `npm install`:
 *   node bin/fix-package-lock.js package-lock.json
 */
// Adds lock entries for optional platform bindings the registry copy lacks, so npm ci accepts the lock.
const fs = require( 'fs' );
const file = process.argv[ 2 ];
const lock = JSON.parse( fs.readFileSync( file, 'utf8' ) );
const parent = lock.packages[ 'node_modules/unrs-resolver' ];
const platform = {
	'android-arm-eabi': [ 'android', 'arm' ],
	'android-arm64': [ 'android', 'arm64' ],
	'darwin-arm64': [ 'darwin', 'arm64' ],
	'darwin-x64': [ 'darwin', 'x64' ],
	'freebsd-x64': [ 'freebsd', 'x64' ],
	'linux-arm-gnueabihf': [ 'linux', 'arm', 'glibc' ],
	'linux-arm-musleabihf': [ 'linux', 'arm', 'musl' ],
	'linux-loong64-gnu': [ 'linux', 'loong64', 'glibc' ],
	'linux-loong64-musl': [ 'linux', 'loong64', 'musl' ],
	'linux-ppc64-gnu': [ 'linux', 'ppc64', 'glibc' ],
	'linux-riscv64-gnu': [ 'linux', 'riscv64', 'glibc' ],
	'linux-riscv64-musl': [ 'linux', 'riscv64', 'musl' ],
	'linux-s390x-gnu': [ 'linux', 's390x', 'glibc' ],
	'openharmony-arm64': [ 'openharmony', 'arm64' ],
	'win32-arm64-msvc': [ 'win32', 'arm64' ],
	'win32-ia32-msvc': [ 'win32', 'ia32' ],
	'win32-x64-msvc': [ 'win32', 'x64' ],
};
let added = 0;
for ( const [ name, version ] of Object.entries(
	parent.optionalDependencies || {}
) ) {
	const key = 'node_modules/' + name;
	if ( lock.packages[ key ] ) {
		continue;
	}
	const suffix = name.replace( '@unrs/resolver-binding-', '' );
	const p = platform[ suffix ];
	if ( ! p ) {
		console.error( 'unknown platform for', name );
		process.exit( 1 );
	}
	lock.packages[ key ] = {
		version,
		cpu: [ p[ 1 ] ],
		dev: true,
		license: 'MIT',
		optional: true,
		os: [ p[ 0 ] ],
	};
	if ( p[ 2 ] ) {
		lock.packages[ key ].libc = [ p[ 2 ] ];
	}
	added++;
}
const sorted = {};
for ( const k of Object.keys( lock.packages ).sort( ( a, b ) =>
	a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1
) ) {
	sorted[ k ] = lock.packages[ k ];
}
lock.packages = sorted;
fs.writeFileSync( file, JSON.stringify( lock, null, '\t' ) + '\n' );
console.log( 'added', added );
