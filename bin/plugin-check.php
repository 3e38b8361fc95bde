<?php
/**
 * A plugin-check style scan of the plugin as it ships (the unpacked zip).
 *
 * WordPress's Plugin Check (wordpress/plugin-check) is not in the package
 * registries our machines reach (see bin/plugin-check.sh), so this does the
 * static checks of it that PHPCS does not already do for us, on the files a
 * site would actually receive: what is in the zip, the plugin header as
 * WordPress itself parses it, readme.txt against that header, direct-access
 * guards, obfuscation and shell calls, logging of variables, text domains,
 * localhost URLs, remote assets and self-updaters.
 *
 * Usage:
 *   php bin/plugin-check.php <unpacked plugin dir> <WordPress dir>
 *   php bin/plugin-check.php --self-test <unpacked plugin dir> <WordPress dir>
 *
 * The self-test plants one fault per check in a copy of the plugin and fails
 * unless the scan reports each, so a check that can no longer fail is caught.
 *
 * @package CiviKey
 */

use PhpParser\Node;
use PhpParser\NodeFinder;
use PhpParser\ParserFactory;
use PhpParser\PhpVersion;

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

require dirname( __DIR__ ) . '/vendor/autoload.php';

$civikey_args      = array_slice( $argv, 1 );
$civikey_self_test = isset( $civikey_args[0] ) && '--self-test' === $civikey_args[0];
if ( $civikey_self_test ) {
	array_shift( $civikey_args );
}
if ( count( $civikey_args ) !== 2 || ! is_dir( $civikey_args[0] ) || ! is_file( $civikey_args[1] . '/wp-includes/version.php' ) ) {
	fwrite( STDERR, "Usage: php bin/plugin-check.php [--self-test] <unpacked plugin dir> <WordPress dir>\n" );
	exit( 2 );
}
list( $civikey_plugin_dir, $civikey_wordpress_dir ) = array_map(
	static function ( string $path ): string {
		return rtrim( (string) realpath( $path ), '/' );
	},
	$civikey_args
);

civikey_check_load_wordpress_header_parser( $civikey_wordpress_dir );

if ( $civikey_self_test ) {
	exit( (int) civikey_check_self_test( $civikey_plugin_dir ) );
}

$civikey_scan = civikey_check_scan( $civikey_plugin_dir );
foreach ( $civikey_scan['errors'] as $civikey_error ) {
	fwrite( STDERR, sprintf( "  [%s] %s: %s\n", $civikey_error['check'], $civikey_error['file'], $civikey_error['message'] ) );
}
fwrite(
	STDOUT,
	sprintf(
		"Plugin check: %d files (%d PHP) in %s, %d checks, errors: %d\n",
		$civikey_scan['files'],
		$civikey_scan['php_files'],
		basename( $civikey_plugin_dir ),
		count( civikey_check_ids() ),
		count( $civikey_scan['errors'] )
	)
);
exit( $civikey_scan['errors'] ? 1 : 0 );

/**
 * Every check, by id, with what it looks for.
 *
 * @return array<string, string>
 */
function civikey_check_ids(): array {
	return array(
		'unwanted_files'     => 'no development files: VCS folders, node_modules, vendor, tests, sources, source maps, build configuration, logs, dumps',
		'required_files'     => 'the main file, uninstall.php, readme.txt, the built script and its asset file, the translation template',
		'file_types'         => 'no hidden, compressed, Phar or application files; no badly named or duplicated file names',
		'plugin_header'      => 'a header WordPress parses: name, description, version, requirements, GPL-compatible license, text domain = slug, domain path present',
		'readme'             => 'readme.txt: name, contributors, Tested up to, Requires at least / PHP and Stable tag matching the header, license, short description',
		'php_syntax'         => 'every PHP file parses as PHP ' . civikey_check_min_php(),
		'direct_access'      => 'every PHP file stops when loaded outside WordPress before it runs any code, or only declares classes or returns a literal',
		'uninstall_guard'    => 'uninstall.php stops unless WordPress is uninstalling the plugin',
		'obfuscation'        => 'no eval, base64 or rot13 decoding, gz inflation or create_function',
		'shell'              => 'no shell execution',
		'logging'            => 'no error_log of a variable, no print_r / var_dump / var_export debugging output',
		'error_reporting'    => 'no changes to error_reporting or display_errors',
		'text_domain'        => 'every translation call and script translation uses the text domain "' . civikey_check_slug() . '"',
		'localhost'          => 'no localhost or 127.0.0.1 URLs',
		'remote_assets'      => 'no scripts or styles enqueued from other hosts',
		'updater'            => 'no Update URI and no self-updating through the update transients',
		'unfiltered_uploads' => 'no ALLOW_UNFILTERED_UPLOADS',
	);
}

/**
 * The plugin's slug, which is also its folder in the zip and its text domain.
 *
 * @return string
 */
function civikey_check_slug(): string {
	return 'civikey';
}

/**
 * The oldest PHP the plugin supports (Requires PHP).
 *
 * @return string
 */
function civikey_check_min_php(): string {
	return '7.4';
}

/**
 * Loads just enough of WordPress to run its own plugin header parser,
 * get_plugin_data(), without a database.
 *
 * @param string $wordpress_dir WordPress.
 */
function civikey_check_load_wordpress_header_parser( string $wordpress_dir ): void {
	define( 'ABSPATH', $wordpress_dir . '/' );
	define( 'WPINC', 'wp-includes' );
	// get_file_data() reads the first 8 KB; wp_initial_constants() would need more of WordPress.
	define( 'KB_IN_BYTES', 1024 );
	require ABSPATH . WPINC . '/plugin.php';
	require ABSPATH . WPINC . '/functions.php';
	require ABSPATH . 'wp-admin/includes/plugin.php';
	// What plugin_basename() reads when a header has no Text Domain; no plugin is installed here.
	$GLOBALS['wp_plugin_paths'] = array();
	define( 'WP_PLUGIN_DIR', ABSPATH . 'wp-content/plugins' );
	define( 'WPMU_PLUGIN_DIR', ABSPATH . 'wp-content/mu-plugins' );
}

/**
 * The newest WordPress major.minor we know of: the one our tests run on.
 *
 * @return string E.g. "6.8".
 */
function civikey_check_known_wordpress(): string {
	$wp_version = '';
	include ABSPATH . WPINC . '/version.php';
	return implode( '.', array_slice( explode( '.', $wp_version ), 0, 2 ) );
}

/**
 * Scans an unpacked plugin.
 *
 * @param string $dir Plugin folder.
 * @return array{files: int, php_files: int, errors: array<int, array{check: string, file: string, message: string}>}
 */
function civikey_check_scan( string $dir ): array {
	$errors = array();
	$error  = static function ( string $check, string $file, string $message ) use ( &$errors ): void {
		$errors[] = compact( 'check', 'file', 'message' );
	};
	$files  = civikey_check_list_files( $dir );

	civikey_check_files( $dir, $files, $error );
	$header = civikey_check_plugin_header( $dir, $files, $error );
	civikey_check_readme( $dir, $header, $error );

	$php_files = array_values(
		array_filter(
			$files,
			static function ( string $file ): bool {
				return (bool) preg_match( '/\.php$/i', $file );
			}
		)
	);
	$parser    = ( new ParserFactory() )->createForVersion( PhpVersion::fromString( civikey_check_min_php() ) );
	foreach ( $php_files as $file ) {
		$code = (string) file_get_contents( "$dir/$file" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- local file.
		try {
			$ast = $parser->parse( $code );
		} catch ( \PhpParser\Error $parse_error ) {
			$error( 'php_syntax', $file, $parse_error->getMessage() );
			continue;
		}
		civikey_check_php( $file, (array) $ast, $error );
	}
	foreach ( $files as $file ) {
		if ( preg_match( '/\.(php|js)$/i', $file ) ) {
			civikey_check_code_text( $file, (string) file_get_contents( "$dir/$file" ), $error ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- local file.
		}
	}
	return array(
		'files'     => count( $files ),
		'php_files' => count( $php_files ),
		'errors'    => $errors,
	);
}

/**
 * Every file under a folder, relative to it, hidden ones included.
 *
 * @param string $dir Folder.
 * @return array<int, string>
 */
function civikey_check_list_files( string $dir ): array {
	$files    = array();
	$iterator = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $dir, FilesystemIterator::SKIP_DOTS ) );
	foreach ( $iterator as $info ) {
		if ( $info->isFile() ) {
			$files[] = substr( $info->getPathname(), strlen( $dir ) + 1 );
		}
	}
	sort( $files );
	return $files;
}

/**
 * What the zip holds.
 *
 * @see WordPress/plugin-check includes/Checker/Checks/Plugin_Repo/File_Type_Check.php
 *
 * @param string             $dir   Plugin folder.
 * @param array<int, string> $files Files.
 * @param callable           $error Reports an error.
 */
function civikey_check_files( string $dir, array $files, callable $error ): void {
	$unwanted = array(
		'#(^|/)(\.git|\.svn|\.hg|\.bzr|\.github)/#'    => 'a version control or CI folder',
		'#(^|/)node_modules/#'                         => 'node_modules',
		'#^vendor/#'                                   => 'Composer development packages',
		'#^(tests?|bin|src|bench|artifacts|\.stack)/#' => 'a development folder',
		'#civicrm-standin#'                            => 'the CiviCRM test double',
		'#\.(map)$#i'                                  => 'a source map',
		'#\.(tsx?|scss)$#i'                            => 'a source file',
		'#(^|/)(package(-lock)?\.json|composer\.(json|lock)|phpunit\.xml(\.dist)?|phpcs\.xml(\.dist)?|phpstan\.neon(\.dist)?|tsconfig\.json|eslint\.config\.js|jest\.config\.js|\.wp-env\.json)$#' => 'a build or test configuration file',
		'#\.(log|sql|bak|orig|swp)$#i'                 => 'a log, dump or backup file',
	);
	foreach ( $files as $file ) {
		foreach ( $unwanted as $pattern => $what ) {
			if ( preg_match( $pattern, $file ) ) {
				$error( 'unwanted_files', $file, "the zip contains $what, which a site does not need" );
			}
		}
		if ( preg_match( '/\.(js|css)$/', $file ) && preg_match( '/sourceMappingURL=/', (string) file_get_contents( "$dir/$file" ) ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- local file.
			$error( 'unwanted_files', $file, 'the file points to a source map that is not shipped' );
		}
		$basename = basename( $file );
		if ( preg_match( '/^\./', $basename ) ) {
			$error( 'file_types', $file, 'hidden files are not permitted' );
		}
		if ( preg_match( '/\.(zip|gz|tgz|rar|tar|7z)$/i', $file ) ) {
			$error( 'file_types', $file, 'compressed files are not permitted' );
		}
		if ( preg_match( '/\.phar$/i', $file ) ) {
			$error( 'file_types', $file, 'Phar files are not permitted' );
		}
		if ( preg_match( '/\.(a|bin|bpk|deploy|dist|distz|dmg|dms|DS_Store|dump|elc|exe|iso|lha|lrf|lzh|o|obj|pkg|sh|so)$/', $file ) ) {
			$error( 'file_types', $file, 'application files are not permitted' );
		}
		if ( preg_match( '/\s/', $file ) || preg_match( '/[!@#$%^&*()+=\[\]{};:"\'<>,?\\\\|`~]/', $basename ) ) {
			$error( 'file_types', $file, 'badly named file: no spaces or special characters' );
		}
	}
	$lower = array_map( 'strtolower', array_map( 'basename', $files ) );
	foreach ( array_unique( array_diff_assoc( $lower, array_unique( $lower ) ) ) as $duplicate ) {
		$error( 'file_types', $duplicate, 'duplicated file name (ignoring case)' );
	}
	$required = array( civikey_check_slug() . '.php', 'uninstall.php', 'readme.txt', 'build/index.js', 'build/index.asset.php', 'languages/' . civikey_check_slug() . '.pot' );
	foreach ( array_diff( $required, $files ) as $missing ) {
		$error( 'required_files', $missing, 'missing from the zip' );
	}
}

/**
 * The plugin header, as WordPress's own get_plugin_data() reads it.
 *
 * @see WordPress/plugin-check includes/Checker/Checks/Plugin_Repo/Plugin_Header_Fields_Check.php
 *
 * @param string             $dir   Plugin folder.
 * @param array<int, string> $files Files.
 * @param callable           $error Reports an error.
 * @return array<string, string> The header, empty when there is none.
 */
function civikey_check_plugin_header( string $dir, array $files, callable $error ): array {
	$main = civikey_check_slug() . '.php';
	// WordPress takes any top-level PHP file with a Plugin Name for a plugin.
	$mains = array();
	foreach ( $files as $file ) {
		if ( false === strpos( $file, '/' ) && preg_match( '/\.php$/', $file ) && '' !== get_plugin_data( "$dir/$file", false, false )['Name'] ) {
			$mains[] = $file;
		}
	}
	if ( array( $main ) !== $mains ) {
		$error( 'plugin_header', $main, 'expected exactly one top-level PHP file with a Plugin Name header, ' . $main . '; found: ' . ( $mains ? implode( ', ', $mains ) : 'none' ) );
	}
	if ( ! in_array( $main, $files, true ) ) {
		return array();
	}
	$header = get_plugin_data( "$dir/$main", false, false ) + get_file_data(
		"$dir/$main",
		array(
			'License'    => 'License',
			'LicenseURI' => 'License URI',
		),
		'plugin'
	);
	$header = array_map( 'strval', $header );
	$known  = civikey_check_known_wordpress();

	if ( preg_match_all( '/[a-z0-9]/i', $header['Name'] ) < 5 || in_array( $header['Name'], array( 'Plugin Name', 'My Basics Plugin' ), true ) ) {
		$error( 'plugin_header', $main, 'Plugin Name is missing, a placeholder, or has fewer than 5 letters and digits' );
	}
	if ( '' === $header['Description'] || preg_match( '/short description of|Handle the basics with this plugin/i', $header['Description'] ) ) {
		$error( 'plugin_header', $main, 'Description is missing or placeholder text' );
	}
	if ( ! preg_match( '/^[a-z0-9.-]+$/i', $header['Version'] ) ) {
		$error( 'plugin_header', $main, 'Version is missing or holds other than letters, digits, periods and hyphens' );
	}
	if ( ! preg_match( '/^\d+\.\d(\.\d+)?$/', $header['RequiresWP'] ) ) {
		$error( 'plugin_header', $main, 'Requires at least must be a WordPress version such as 6.6' );
	} elseif ( version_compare( $header['RequiresWP'], civikey_check_next_minor( $known ), '>' ) ) {
		$error( 'plugin_header', $main, "Requires at least {$header['RequiresWP']} is newer than WordPress $known" );
	}
	if ( ! preg_match( '/^\d+(\.\d+){1,2}$/', $header['RequiresPHP'] ) ) {
		$error( 'plugin_header', $main, 'Requires PHP must be a PHP version such as 7.4' );
	} elseif ( civikey_check_min_php() !== $header['RequiresPHP'] ) {
		$error( 'plugin_header', $main, "Requires PHP {$header['RequiresPHP']} differs from the PHP version the code is checked against, " . civikey_check_min_php() );
	}
	if ( ! civikey_check_license_is_gpl_compatible( $header['License'] ) ) {
		$error( 'plugin_header', $main, 'License is missing or not GPL-compatible: "' . $header['License'] . '"' );
	}
	if ( civikey_check_slug() !== $header['TextDomain'] ) {
		$error( 'plugin_header', $main, 'Text Domain "' . $header['TextDomain'] . '" must be the slug, "' . civikey_check_slug() . '"' );
	}
	if ( '' === $header['DomainPath'] || ! is_dir( $dir . '/' . trim( $header['DomainPath'], '/' ) ) ) {
		$error( 'plugin_header', $main, 'Domain Path "' . $header['DomainPath'] . '" is not a folder in the zip' );
	}
	if ( '' !== trim( (string) get_file_data( "$dir/$main", array( 'Network' => 'Network' ), 'plugin' )['Network'] ) && ! $header['Network'] ) {
		$error( 'plugin_header', $main, 'Network may only be "true", or left out' );
	}
	foreach ( array( 'PluginURI', 'AuthorURI', 'LicenseURI' ) as $field ) {
		if ( '' !== $header[ $field ] && ! preg_match( '#^https?://[^\s/$.?\#].[^\s]*$#i', $header[ $field ] ) ) {
			$error( 'plugin_header', $main, "$field is not a URL" );
		}
	}
	if ( '' !== $header['UpdateURI'] ) {
		$error( 'updater', $main, 'Update URI is set: updates must come from where the plugin is installed from' );
	}
	return $header;
}

/**
 * The minor version after this one: "6.8" → "6.9".
 *
 * @param string $version Major.minor.
 * @return string
 */
function civikey_check_next_minor( string $version ): string {
	list( $major, $minor ) = array_map( 'intval', explode( '.', $version . '.0' ) );
	return 9 === $minor ? ( $major + 1 ) . '.0' : $major . '.' . ( $minor + 1 );
}

/**
 * Whether a license name is one the GPL allows to ship with WordPress.
 *
 * @param string $license License header.
 * @return bool
 */
function civikey_check_license_is_gpl_compatible( string $license ): bool {
	$normal = civikey_check_normal_license( $license );
	return '' !== $normal && (bool) preg_match( '/^(gpl|gnugeneralpubliclicense|gnugplv?)(v|version)?[23](0)?(orlater|\+|only)?$|^(mit|bsd[23]clause|apache20|mpl20|lgplv?21?(orlater|\+)?|lgplv?3(orlater|\+)?)$/', $normal );
}

/**
 * A license name reduced to lower-case letters and digits, so that
 * "GPLv2 or later" and "GPL-2.0-or-later" compare equal.
 *
 * @param string $license License.
 * @return string
 */
function civikey_check_normal_license( string $license ): string {
	$normal = (string) preg_replace( '/[^a-z0-9+]/', '', strtolower( $license ) );
	return (string) preg_replace( array( '/^gplv?/', '/20/', '/30/', '/^gnugeneralpubliclicensev?(ersion)?/' ), array( 'gpl', '2', '3', 'gpl' ), $normal );
}

/**
 * The readme.txt against the plugin header.
 *
 * @see WordPress/plugin-check includes/Checker/Checks/Plugin_Repo/Plugin_Readme_Check.php
 *
 * @param string                $dir    Plugin folder.
 * @param array<string, string> $header Plugin header.
 * @param callable              $error  Reports an error.
 */
function civikey_check_readme( string $dir, array $header, callable $error ): void {
	$file = 'readme.txt';
	if ( ! is_file( "$dir/$file" ) ) {
		return;
	}
	$text   = str_replace( "\r\n", "\n", (string) file_get_contents( "$dir/$file" ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- local file.
	$blocks = preg_split( '/\n[ \t]*\n/', trim( $text ) );
	$blocks = is_array( $blocks ) ? $blocks : array( '' );
	// The name, then the header fields, then a blank line, then the short description.
	$lines = explode( "\n", $blocks[0] );
	if ( ! preg_match( '/^===\s*(.+?)\s*===$/', trim( $lines[0] ), $name ) ) {
		$error( 'readme', $file, 'the first line must be the plugin name, "=== Name ==="' );
	} elseif ( isset( $header['Name'] ) && $name[1] !== $header['Name'] ) {
		$error( 'readme', $file, "plugin name \"{$name[1]}\" differs from the header's \"{$header['Name']}\"" );
	}
	$fields = array();
	foreach ( array_slice( $lines, 1 ) as $line ) {
		if ( preg_match( '/^([A-Za-z ]+):\s*(.*?)\s*$/', $line, $field ) ) {
			$fields[ strtolower( $field[1] ) ] = $field[2];
		}
	}
	foreach ( array( 'contributors', 'tested up to', 'requires at least', 'requires php', 'stable tag', 'license' ) as $required ) {
		if ( '' === ( $fields[ $required ] ?? '' ) ) {
			$error( 'readme', $file, "the \"$required\" header is missing" );
		}
	}
	$known  = civikey_check_known_wordpress();
	$tested = $fields['tested up to'] ?? '';
	if ( '' !== $tested ) {
		if ( ! preg_match( '/^\d+\.\d+(\.\d+)?$/', $tested ) ) {
			$error( 'readme', $file, "Tested up to \"$tested\" is not a WordPress version" );
		} elseif ( version_compare( $tested, $known, '<' ) ) {
			$error( 'readme', $file, "Tested up to $tested is older than WordPress $known, which the tests run on" );
		} elseif ( version_compare( $tested, civikey_check_next_minor( $known ), '>' ) ) {
			$error( 'readme', $file, "Tested up to $tested is a WordPress that does not exist yet (newest known: $known)" );
		} elseif ( isset( $header['RequiresWP'] ) && version_compare( $tested, $header['RequiresWP'], '<' ) ) {
			$error( 'readme', $file, "Tested up to $tested is older than Requires at least {$header['RequiresWP']}" );
		}
	}
	$same = array(
		'requires at least' => 'RequiresWP',
		'requires php'      => 'RequiresPHP',
		'stable tag'        => 'Version',
	);
	foreach ( $same as $readme_field => $header_field ) {
		if ( isset( $fields[ $readme_field ], $header[ $header_field ] ) && '' !== $fields[ $readme_field ] && $fields[ $readme_field ] !== $header[ $header_field ] ) {
			$error( 'readme', $file, "$readme_field \"{$fields[ $readme_field ]}\" differs from the plugin header's \"{$header[ $header_field ]}\"" );
		}
	}
	$license = $fields['license'] ?? '';
	if ( '' !== $license && ! civikey_check_license_is_gpl_compatible( $license ) ) {
		$error( 'readme', $file, "License \"$license\" is not GPL-compatible" );
	} elseif ( '' !== $license && isset( $header['License'] ) && civikey_check_normal_license( $license ) !== civikey_check_normal_license( $header['License'] ) ) {
		$error( 'readme', $file, "License \"$license\" differs from the plugin header's \"{$header['License']}\"" );
	}
	$tags = array_filter( array_map( 'trim', explode( ',', $fields['tags'] ?? '' ) ) );
	if ( count( $tags ) > 5 || in_array( 'tag1', $tags, true ) ) {
		$error( 'readme', $file, 'at most 5 tags, and no placeholder tags' );
	}
	$short = isset( $blocks[1] ) && 0 !== strpos( $blocks[1], '==' ) ? trim( (string) preg_replace( '/\s+/', ' ', $blocks[1] ) ) : '';
	if ( '' === $short || mb_strlen( $short ) > 150 || false !== strpos( $short, 'Here is a short description of the plugin' ) ) {
		$error( 'readme', $file, 'the short description must be there, be real text and fit in 150 characters (it has ' . mb_strlen( $short ) . ')' );
	}
	if ( ! preg_match( '/^== Description ==\s*$/m', $text ) ) {
		$error( 'readme', $file, 'the "== Description ==" section is missing' );
	}
}

/**
 * The checks that read PHP code.
 *
 * @see WordPress/plugin-check includes/Checker/Checks/Plugin_Repo/Direct_File_Access_Check.php
 * @see WordPress/plugin-check includes/Checker/Checks/Plugin_Repo/Code_Obfuscation_Check.php
 *
 * @param string           $file  File, relative to the plugin.
 * @param array<int, Node> $ast   Its syntax tree.
 * @param callable         $error Reports an error.
 */
function civikey_check_php( string $file, array $ast, callable $error ): void {
	if ( 'uninstall.php' === $file ) {
		if ( ! civikey_check_guarded( $ast, array( 'WP_UNINSTALL_PLUGIN' ) ) ) {
			$error( 'uninstall_guard', $file, 'must begin with: if ( ! defined( \'WP_UNINSTALL_PLUGIN\' ) ) { exit; }' );
		}
	} elseif ( ! civikey_check_guarded( $ast, array( 'ABSPATH', 'WPINC' ) ) ) {
		$error( 'direct_access', $file, 'runs code before checking that WordPress loaded it: add defined( \'ABSPATH\' ) || exit; first' );
	}

	$finder = new NodeFinder();
	if ( $finder->findFirstInstanceOf( $ast, Node\Expr\Eval_::class ) ) {
		$error( 'obfuscation', $file, 'eval()' );
	}
	if ( $finder->findFirstInstanceOf( $ast, Node\Expr\ShellExec::class ) ) {
		$error( 'shell', $file, 'backtick shell execution' );
	}
	$banned = array(
		'obfuscation'     => array( 'base64_decode', 'str_rot13', 'gzinflate', 'gzuncompress', 'gzdecode', 'convert_uudecode', 'create_function' ),
		'shell'           => array( 'exec', 'shell_exec', 'system', 'passthru', 'popen', 'proc_open', 'pcntl_exec' ),
		'logging'         => array( 'print_r', 'var_dump', 'var_export', 'debug_zval_dump', 'debug_print_backtrace' ),
		'error_reporting' => array( 'error_reporting' ),
	);
	foreach ( $finder->findInstanceOf( $ast, Node\Expr\FuncCall::class ) as $call ) {
		if ( ! $call->name instanceof Node\Name ) {
			continue;
		}
		$name = strtolower( $call->name->getLast() );
		$line = $file . ':' . $call->getStartLine();
		foreach ( $banned as $check => $functions ) {
			if ( in_array( $name, $functions, true ) ) {
				$error( $check, $line, "$name()" );
			}
		}
		$args = $call->getArgs();
		$text = static function ( int $index ) use ( $args ): ?string {
			return isset( $args[ $index ] ) && $args[ $index ]->value instanceof Node\Scalar\String_ ? $args[ $index ]->value->value : null;
		};
		if ( 'error_log' === $name && ! civikey_check_is_literal_text( $args[0]->value ?? null ) ) {
			$error( 'logging', $line, 'error_log() of a variable: it could write a key or the site key to the log' );
		}
		if ( in_array( $name, array( 'ini_set', 'ini_alter' ), true ) && in_array( $text( 0 ), array( 'display_errors', 'error_reporting', 'log_errors', 'error_log' ), true ) ) {
			$error( 'error_reporting', $line, "$name( '{$text( 0 )}' )" );
		}
		if ( 'define' === $name && 'ALLOW_UNFILTERED_UPLOADS' === $text( 0 ) ) {
			$error( 'unfiltered_uploads', $line, 'ALLOW_UNFILTERED_UPLOADS' );
		}
		if ( in_array( $name, array( 'wp_enqueue_script', 'wp_register_script', 'wp_enqueue_style', 'wp_register_style' ), true ) && preg_match( '#^(https?:)?//#i', (string) $text( 1 ) ) ) {
			$error( 'remote_assets', $line, "$name() from another host: ship the file instead" );
		}
		if ( in_array( $name, array( 'add_filter', 'add_action' ), true ) && preg_match( '/^(pre_set_site_transient_update_plugins|site_transient_update_plugins|auto_update_plugin|plugins_api)$/', (string) $text( 0 ) ) ) {
			$error( 'updater', $line, "hooks {$text( 0 )}, which updates the plugin from elsewhere" );
		}
		$domain_at = civikey_check_i18n_domain_positions()[ $name ] ?? null;
		if ( null !== $domain_at && $text( $domain_at ) !== civikey_check_slug() ) {
			$error( 'text_domain', $line, "$name() with text domain " . ( null === $text( $domain_at ) ? '(none or not a literal)' : '"' . $text( $domain_at ) . '"' ) );
		}
	}
}

/**
 * Where the text domain goes in each translation function, from 0.
 *
 * @return array<string, int>
 */
function civikey_check_i18n_domain_positions(): array {
	return array(
		'__'                         => 1,
		'_e'                         => 1,
		'esc_html__'                 => 1,
		'esc_html_e'                 => 1,
		'esc_attr__'                 => 1,
		'esc_attr_e'                 => 1,
		'translate'                  => 1,
		'_x'                         => 2,
		'_ex'                        => 2,
		'esc_html_x'                 => 2,
		'esc_attr_x'                 => 2,
		'_n'                         => 3,
		'_nx'                        => 4,
		'_n_noop'                    => 2,
		'_nx_noop'                   => 3,
		'translate_nooped_plural'    => 2,
		'load_plugin_textdomain'     => 0,
		'wp_set_script_translations' => 1,
	);
}

/**
 * Whether an expression is text fixed in the code (a string, or strings joined).
 *
 * @param Node\Expr|null $expr Expression.
 * @return bool
 */
function civikey_check_is_literal_text( $expr ): bool {
	if ( $expr instanceof Node\Scalar\String_ ) {
		return true;
	}
	if ( $expr instanceof Node\Expr\BinaryOp\Concat ) {
		return civikey_check_is_literal_text( $expr->left ) && civikey_check_is_literal_text( $expr->right );
	}
	return false;
}

/**
 * Whether a file stops when one of these constants is not defined before it
 * runs any code of its own, or has no code of its own to run: only
 * declarations (namespace, use, classes) or a literal returned (the asset
 * file the build writes).
 *
 * @param array<int, Node>   $statements Top-level statements.
 * @param array<int, string> $constants  ABSPATH, WPINC or WP_UNINSTALL_PLUGIN.
 * @return bool
 */
function civikey_check_guarded( array $statements, array $constants ): bool {
	foreach ( $statements as $statement ) {
		if ( $statement instanceof Node\Stmt\Namespace_ ) {
			$inner = civikey_check_guarded_block( $statement->stmts, $constants );
			if ( null !== $inner ) {
				return $inner;
			}
			continue;
		}
		$verdict = civikey_check_guarded_block( array( $statement ), $constants );
		if ( null !== $verdict ) {
			return $verdict;
		}
	}
	return true;
}

/**
 * The verdict of the first statement that decides, or null when none does.
 *
 * @param array<int, Node>   $statements Statements.
 * @param array<int, string> $constants  Constants.
 * @return bool|null True on a guard, false on code that runs before one.
 */
function civikey_check_guarded_block( array $statements, array $constants ): ?bool {
	$declarations = array(
		Node\Stmt\Nop::class,
		Node\Stmt\Declare_::class,
		Node\Stmt\Use_::class,
		Node\Stmt\GroupUse::class,
		Node\Stmt\Class_::class,
		Node\Stmt\Interface_::class,
		Node\Stmt\Trait_::class,
	);
	foreach ( $statements as $statement ) {
		if ( in_array( get_class( $statement ), $declarations, true ) ) {
			continue;
		}
		if ( civikey_check_is_guard( $statement, $constants ) ) {
			return true;
		}
		if ( $statement instanceof Node\Stmt\Return_ && civikey_check_is_literal( $statement->expr ) ) {
			return true;
		}
		return false;
	}
	return null;
}

/**
 * `defined( 'X' ) || exit;` or `if ( ! defined( 'X' ) ) { exit; }`.
 *
 * @param Node               $statement Statement.
 * @param array<int, string> $constants Constants.
 * @return bool
 */
function civikey_check_is_guard( Node $statement, array $constants ): bool {
	$is_defined = static function ( $expr ) use ( $constants ): bool {
		return $expr instanceof Node\Expr\FuncCall && $expr->name instanceof Node\Name && 'defined' === strtolower( $expr->name->toString() )
			&& isset( $expr->getArgs()[0] ) && $expr->getArgs()[0]->value instanceof Node\Scalar\String_
			&& in_array( $expr->getArgs()[0]->value->value, $constants, true );
	};
	if ( $statement instanceof Node\Stmt\Expression ) {
		$expr = $statement->expr;
		return ( $expr instanceof Node\Expr\BinaryOp\BooleanOr || $expr instanceof Node\Expr\BinaryOp\LogicalOr )
			&& $is_defined( $expr->left ) && $expr->right instanceof Node\Expr\Exit_;
	}
	if ( $statement instanceof Node\Stmt\If_ && $statement->cond instanceof Node\Expr\BooleanNot && $is_defined( $statement->cond->expr ) ) {
		foreach ( $statement->stmts as $inner ) {
			if ( $inner instanceof Node\Stmt\Expression && $inner->expr instanceof Node\Expr\Exit_ ) {
				return true;
			}
		}
	}
	return false;
}

/**
 * Whether an expression is a literal: scalars, constants, arrays of them.
 *
 * @param Node\Expr|null $expr Expression.
 * @return bool
 */
function civikey_check_is_literal( $expr ): bool {
	if ( $expr instanceof Node\Scalar || $expr instanceof Node\Expr\ConstFetch ) {
		return true;
	}
	if ( $expr instanceof Node\Expr\Array_ ) {
		foreach ( $expr->items as $item ) {
			if ( null !== $item && ( ( null !== $item->key && ! civikey_check_is_literal( $item->key ) ) || ! civikey_check_is_literal( $item->value ) ) ) {
				return false;
			}
		}
		return true;
	}
	return false;
}

/**
 * Localhost URLs in code, and text domains in the built JavaScript.
 *
 * @see WordPress/plugin-check includes/Checker/Checks/Plugin_Repo/Localhost_Check.php
 *
 * @param string   $file  File.
 * @param string   $code  Its contents.
 * @param callable $error Reports an error.
 */
function civikey_check_code_text( string $file, string $code, callable $error ): void {
	if ( preg_match_all( '#https?://(localhost|127\.0\.0\.1)([:/]|\b)#i', $code, $found, PREG_OFFSET_CAPTURE ) ) {
		foreach ( $found[0] as $match ) {
			$error( 'localhost', $file . ':' . ( substr_count( substr( $code, 0, $match[1] ), "\n" ) + 1 ), $match[0] );
		}
	}
	if ( ! preg_match( '/\.js$/', $file ) ) {
		return;
	}
	// The build keeps @wordpress/i18n calls as `(0,x.__)("text","domain")`.
	$positions = civikey_check_i18n_domain_positions();
	preg_match_all( '/\.(__|_x|_n|_nx)\)\(/', $code, $calls, PREG_OFFSET_CAPTURE );
	if ( 'build/index.js' === $file && ! $calls[1] ) {
		$error( 'text_domain', $file, 'no translation call found: the build writes them differently now, so update this check' );
	}
	foreach ( $calls[1] as $call ) {
		list( $args, $closed ) = civikey_check_js_string_args( $code, $call[1] + strlen( $call[0] ) + 2 );
		$at                    = $positions[ $call[0] ];
		if ( count( $args ) > $at && civikey_check_slug() !== $args[ $at ] ) {
			$error( 'text_domain', $file, "{$call[0]}() with text domain \"{$args[ $at ]}\"" );
		} elseif ( $closed && count( $args ) === $at ) {
			$error( 'text_domain', $file, "{$call[0]}() without a text domain" );
		}
	}
}

/**
 * The leading string-literal arguments of a JavaScript call (a comment, as
 * the build leaves translator comments, is skipped); stops at the first
 * argument that is not a string.
 *
 * @param string $code  Code.
 * @param int    $start Offset just after the opening parenthesis.
 * @return array{0: array<int, string>, 1: bool} The arguments, and whether the call ended after them.
 */
function civikey_check_js_string_args( string $code, int $start ): array {
	$args   = array();
	$at     = $start;
	$closed = false;
	while ( preg_match( '/\G\s*(?:\/\*.*?\*\/\s*)*("(?:[^"\\\\]|\\\\.)*"|\'(?:[^\'\\\\]|\\\\.)*\')\s*([,)])/As', $code, $match, 0, $at ) ) {
		$args[] = (string) json_decode( '"' . str_replace( array( '\\\'', '"' ), array( '\'', '\\"' ), substr( $match[1], 1, -1 ) ) . '"' );
		$at    += strlen( $match[0] );
		if ( ')' === $match[2] ) {
			$closed = true;
			break;
		}
	}
	return array( $args, $closed );
}

/**
 * Plants one fault per check in copies of the plugin and makes sure the
 * scan reports each: a check that can no longer fail is a failure too.
 *
 * @param string $dir The clean, unpacked plugin.
 * @return int Exit code.
 */
function civikey_check_self_test( string $dir ): int {
	$guard      = "<?php\ndefined( 'ABSPATH' ) || exit;\n";
	$faults     = array(
		'a .DS_Store'                        => array( 'file_types', array( '.DS_Store' => 'x' ) ),
		'a .git folder'                      => array( 'unwanted_files', array( '.git/HEAD' => 'ref: refs/heads/main' ) ),
		'node_modules'                       => array( 'unwanted_files', array( 'node_modules/left-pad/index.js' => 'module.exports = 1;' ) ),
		'a source map'                       => array( 'unwanted_files', array( 'build/index.js.map' => '{}' ) ),
		'a test file'                        => array( 'unwanted_files', array( 'tests/Some_Test.php' => $guard ) ),
		'a zip inside the zip'               => array( 'file_types', array( 'languages/old.zip' => 'PK' ) ),
		'a shell script'                     => array( 'file_types', array( 'includes/deploy.sh' => 'echo' ) ),
		'a file name with a space'           => array( 'file_types', array( 'build/index copy.js' => '' ) ),
		'no uninstall.php'                   => array( 'required_files', array( 'uninstall.php' => null ) ),
		'a second plugin header'             => array( 'plugin_header', array( 'extra.php' => "<?php\n/**\n * Plugin Name: Extra Plugin\n */\ndefined( 'ABSPATH' ) || exit;\n" ) ),
		'another text domain in the header'  => array( 'plugin_header', array( 'civikey.php' => array( '/Text Domain:\s*civikey/', 'Text Domain:       other-domain' ) ) ),
		'a license that is not GPL'          => array( 'plugin_header', array( 'civikey.php' => array( '/License:\s*\S+/', 'License:           Proprietary' ) ) ),
		'an Update URI'                      => array( 'updater', array( 'civikey.php' => array( '/ \* Text Domain:/', " * Update URI:        https://example.org/civikey\n * Text Domain:" ) ) ),
		'a wrong Stable tag'                 => array( 'readme', array( 'readme.txt' => array( '/Stable tag:\s*\S+/', 'Stable tag: 9.9.9' ) ) ),
		'no Tested up to'                    => array( 'readme', array( 'readme.txt' => array( '/Tested up to:[^\n]*\n/', '' ) ) ),
		'an outdated Tested up to'           => array( 'readme', array( 'readme.txt' => array( '/Tested up to:[^\n]*/', 'Tested up to: 5.0' ) ) ),
		'a Requires PHP unlike the header'   => array( 'readme', array( 'readme.txt' => array( '/Requires PHP:[^\n]*/', 'Requires PHP: 8.1' ) ) ),
		'a readme License unlike the header' => array( 'readme', array( 'readme.txt' => array( '/License:[^\n]*/', 'License: GPL-3.0-only' ) ) ),
		'a PHP syntax error'                 => array( 'php_syntax', array( 'includes/broken.php' => "<?php\nfunction (\n" ) ),
		'PHP 8 syntax'                       => array( 'php_syntax', array( 'includes/modern.php' => $guard . "echo match ( 1 ) { 1 => 'one' };\n" ) ),
		'code before the ABSPATH guard'      => array( 'direct_access', array( 'includes/helper.php' => "<?php\nadd_action( 'init', 'civikey_helper' );\ndefined( 'ABSPATH' ) || exit;\n" ) ),
		'no ABSPATH guard at all'            => array( 'direct_access', array( 'includes/functions.php' => "<?php\nfunction civikey_helper() {}\n" ) ),
		'no uninstall guard'                 => array( 'uninstall_guard', array( 'uninstall.php' => "<?php\ndelete_option( 'civikey_db_version' );\n" ) ),
		'eval'                               => array( 'obfuscation', array( 'includes/evil.php' => $guard . "eval( \$code );\n" ) ),
		'base64_decode'                      => array( 'obfuscation', array( 'includes/evil.php' => $guard . "\$x = base64_decode( \$payload );\n" ) ),
		'shell_exec'                         => array( 'shell', array( 'includes/evil.php' => $guard . "shell_exec( 'ls' );\n" ) ),
		'error_log of a variable'            => array( 'logging', array( 'includes/debug.php' => $guard . "error_log( 'key: ' . \$key );\n" ) ),
		'print_r'                            => array( 'logging', array( 'includes/debug.php' => $guard . "print_r( \$request );\n" ) ),
		'display_errors switched on'         => array( 'error_reporting', array( 'includes/debug.php' => $guard . "ini_set( 'display_errors', '1' );\n" ) ),
		'a PHP string in another domain'     => array( 'text_domain', array( 'includes/i18n.php' => $guard . "echo esc_html__( 'Hello', 'other-domain' );\n" ) ),
		'a PHP string with no domain'        => array( 'text_domain', array( 'includes/i18n.php' => $guard . "echo esc_html__( 'Hello' );\n" ) ),
		'a JS string in another domain'      => array( 'text_domain', array( 'build/extra.js' => '(0,a.__)("Hello","other-domain");' ) ),
		'a localhost URL'                    => array( 'localhost', array( 'includes/url.php' => $guard . "\$url = 'http://localhost:8080/';\n" ) ),
		'a script from a CDN'                => array( 'remote_assets', array( 'includes/cdn.php' => $guard . "wp_enqueue_script( 'x', 'https://cdn.example.org/x.js' );\n" ) ),
		'a self-updater'                     => array( 'updater', array( 'includes/update.php' => $guard . "add_filter( 'pre_set_site_transient_update_plugins', 'civikey_update' );\n" ) ),
		'ALLOW_UNFILTERED_UPLOADS'           => array( 'unfiltered_uploads', array( 'includes/uploads.php' => $guard . "define( 'ALLOW_UNFILTERED_UPLOADS', true );\n" ) ),
	);
	$checks_hit = array();
	$missed     = array();
	$work       = sys_get_temp_dir() . '/civikey-plugin-check-' . getmypid();
	foreach ( $faults as $what => list( $check, $changes ) ) {
		civikey_check_copy( $dir, $work );
		foreach ( $changes as $file => $change ) {
			$path = "$work/$file";
			if ( null === $change ) {
				unlink( $path ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink -- a scratch copy.
				continue;
			}
			if ( is_array( $change ) ) {
				$before = (string) file_get_contents( $path ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- local file.
				$change = (string) preg_replace( $change[0], $change[1], $before, 1 );
				if ( $change === $before ) {
					$missed[] = "$what (the fault could not be planted in $file)";
					continue 2;
				}
			}
			if ( ! is_dir( dirname( $path ) ) ) {
				mkdir( dirname( $path ), 0777, true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_mkdir -- a scratch copy.
			}
			file_put_contents( $path, $change ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a scratch copy.
		}
		$found = array_column( civikey_check_scan( $work )['errors'], 'check' );
		if ( in_array( $check, $found, true ) ) {
			$checks_hit[ $check ] = true;
		} else {
			$missed[] = "$what (expected $check, got: " . ( $found ? implode( ', ', array_unique( $found ) ) : 'nothing' ) . ')';
		}
	}
	civikey_check_remove( $work );
	$untested = array_diff( array_keys( civikey_check_ids() ), array_keys( $checks_hit ) );
	foreach ( $missed as $what ) {
		fwrite( STDERR, "  not caught: $what\n" );
	}
	foreach ( $untested as $check ) {
		fwrite( STDERR, "  no planted fault exercises the check $check\n" );
	}
	fwrite( STDOUT, sprintf( "Plugin check self-test: %d planted faults, caught: %d; checks exercised: %d of %d\n", count( $faults ), count( $faults ) - count( $missed ), count( $checks_hit ), count( civikey_check_ids() ) ) );
	return $missed || $untested ? 1 : 0;
}

/**
 * Copies a folder afresh.
 *
 * @param string $from Source.
 * @param string $to   Destination, emptied first.
 */
function civikey_check_copy( string $from, string $to ): void {
	civikey_check_remove( $to );
	foreach ( civikey_check_list_files( $from ) as $file ) {
		if ( ! is_dir( dirname( "$to/$file" ) ) ) {
			mkdir( dirname( "$to/$file" ), 0777, true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_mkdir -- a scratch copy.
		}
		copy( "$from/$file", "$to/$file" );
	}
}

/**
 * Removes a scratch folder.
 *
 * @param string $dir Folder.
 */
function civikey_check_remove( string $dir ): void {
	if ( ! is_dir( $dir ) ) {
		return;
	}
	$iterator = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $dir, FilesystemIterator::SKIP_DOTS ), RecursiveIteratorIterator::CHILD_FIRST );
	foreach ( $iterator as $info ) {
		$info->isDir() ? rmdir( $info->getPathname() ) : unlink( $info->getPathname() ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- a scratch copy.
	}
	rmdir( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_rmdir -- a scratch copy.
}
