#!/usr/bin/env bash
# Puts the real civicrm-core and civicrm-packages (CIVIKEY_CIVICRM_VERSION,
# default 6.20.0) from the Packagist copy into the stack's WordPress at
# wp-content/plugins/civicrm/civicrm/, the layout of CiviCRM's WordPress
# release, with the test-only bridge tests/civicrm-core-bridge/civicrm.php as
# the plugin file in place of civicrm-wordpress, which the Packagist copy does
# not hold. Installs nothing into a database (see bin/install-civicrm.php).
#
# civicrm-core's composer.json asks for 32 libraries the Packagist copy lacks
# or lacks at the asked version. Five of them are on the path CiviKey uses
# (booting, the installer, APIv4, AuthX): pear/db 1.12.2 comes from Debian
# trixie's php-db (through the private apt state bin/fetch-wordpress.sh uses),
# and four have small test-only stand-ins in tests/civicrm-core-bridge/packages/
# (no registry here has them; trixie's php-log is 1.13.2, whose observer
# class core 6.x cannot extend). The PEAR base classes come from the Packagist
# copy. The rest (PDF, spreadsheets, mail, OAuth, assets, browser tests) are
# only declared replaced so Composer can resolve; nothing CiviKey reaches
# loads them, and the tests would fail with "Class ... not found" if it did.
# The list is printed on every build.
#
# Composer plugins (asset downloads, patches, SCSS) are off: the in-process
# API needs no assets, and the patches would come from the internet.
#
# Idempotent: rebuilds only when the version, this script or the stand-ins changed.
# Exit status 3 means "cannot be built here" (a package is unobtainable).
source "$(dirname "$0")/lib.sh"

version="${CIVIKEY_CIVICRM_VERSION:-6.20.0}"
plugin_dir="$WP_DIR/wp-content/plugins/civicrm"
core_dir="$plugin_dir/civicrm"
bridge_dir="$ROOT_DIR/tests/civicrm-core-bridge"
# Libraries core requires that nothing on CiviKey's path loads.
declared_replaced=(
	adrienrn/php-mimetyper behat/mink brick/money civicrm/composer-compile-lib
	civicrm/composer-downloads-plugin dmore/chrome-mink-driver knplabs/knp-snappy
	league/csv league/oauth2-google pear/auth_sasl pear/mail pear/mail_mime
	pear/net_smtp pear/net_socket pear/validate_finance_creditcard phlib/xss-sanitizer
	phpoffice/phpspreadsheet phpoffice/phpword phpseclib/phpseclib2_compat
	pontedilana/php-weasyprint rubobaquero/phpquery soundasleep/html2text
	symfony/polyfill-php85 totten/ca-config tplaner/when zetacomponents/base
	zetacomponents/mail
)

stamp="$(
	{
		echo "$version"
		cat "$ROOT_DIR/bin/build-civicrm.sh"
		find "$bridge_dir/packages" -type f -print0 | sort -z | xargs -0 sha256sum
	} | sha256sum | cut -d' ' -f1
)"
mkdir -p "$plugin_dir"
# The bridge file is copied, not linked: CiviCRM derives its paths from it.
cp "$bridge_dir/civicrm.php" "$plugin_dir/civicrm.php"
if [[ -f "$core_dir/.civikey-build" && "$(cat "$core_dir/.civikey-build")" == "$stamp" ]]; then
	exit 0
fi

build_log="$LOG_DIR/build-civicrm.log"
mkdir -p "$LOG_DIR"
: >"$build_log"
log "Building civicrm-core $version with civicrm-packages $version from the Packagist copy (log: $build_log)"
rm -rf "$core_dir"
composer_quiet=(--no-interaction --no-progress --no-plugins --no-scripts)
if ! composer create-project "${composer_quiet[@]}" --no-install "civicrm/civicrm-core:$version" "$core_dir" >>"$build_log" 2>&1; then
	tail -n 5 "$build_log" >&2
	log "civicrm/civicrm-core $version cannot be obtained here"
	exit 3
fi
if ! composer create-project "${composer_quiet[@]}" --no-install "civicrm/civicrm-packages:$version" "$core_dir/packages" >>"$build_log" 2>&1; then
	tail -n 5 "$build_log" >&2
	log "civicrm/civicrm-packages $version cannot be obtained here"
	exit 3
fi

# pear/db as a Composer path package made from Debian trixie's php-db (its
# PHP files, under the library's own name).
debian_dir="$core_dir/.debian-pear"
debs_dir="$DOWNLOAD_DIR/debian-pear"
mkdir -p "$debs_dir" "$debian_dir"
if ! (cd "$debs_dir" && trixie_apt download php-db) >>"$build_log" 2>&1; then
	tail -n 5 "$build_log" >&2
	log "php-db cannot be downloaded from Debian trixie here"
	exit 3
fi
deb="$(ls -t "$debs_dir"/php-db_*.deb | head -n 1)"
deb_version="$(dpkg-deb -f "$deb" Version | sed 's/^[0-9]*://; s/-[^-]*$//')"
extract="$debian_dir/php-db.extract"
rm -rf "$extract" && mkdir -p "$extract" && dpkg-deb -x "$deb" "$extract"
mv "$extract/usr/share/php" "$debian_dir/php-db"
rm -rf "$extract"
php -r '
	[ , $dir, $version ] = $argv;
	$package = array( "name" => "pear/db", "version" => $version, "description" => "Debian trixie package php-db $version, for the test build only.", "include-path" => array( "./" ), "autoload" => array( "classmap" => array( "./" ) ) );
	file_put_contents( "$dir/composer.json", json_encode( $package, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ) . "\n" );
' "$debian_dir/php-db" "$deb_version"
log "  pear/db $deb_version from Debian trixie's php-db"

# core's composer.json, edited in the build only: the test stand-ins as path
# packages, the unreachable libraries declared replaced, no lock (it pins
# versions the Packagist copy lacks).
php -r '
	[ , $file, $packages, $debian ] = $argv;
	$replaced = array_slice( $argv, 4 );
	// Objects, not arrays: the empty objects in the file must stay objects.
	$json = json_decode( file_get_contents( $file ) );
	$json->repositories = array(
		(object) array( "type" => "path", "url" => "$packages/*", "options" => (object) array( "symlink" => false ) ),
		(object) array( "type" => "path", "url" => "$debian/*", "options" => (object) array( "symlink" => false ) ),
	);
	foreach ( glob( "$packages/*/composer.json" ) as $stand_in ) {
		$json->require->{ json_decode( file_get_contents( $stand_in ) )->name } = "*";
	}
	// The PEAR base classes through Composer, as core'"'"'s own lock has them.
	$json->require->{"pear/pear-core-minimal"} = "^1.10";
	$json->require->{"pear/pear_exception"} = "^1.0";
	$json->replace = $json->replace ?? new stdClass();
	foreach ( $replaced as $name ) {
		$json->replace->{ $name } = "*";
	}
	unset( $json->scripts );
	file_put_contents( $file, json_encode( $json, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ) . "\n" );
' "$core_dir/composer.json" "$bridge_dir/packages" "$debian_dir" "${declared_replaced[@]}"
rm -f "$core_dir/composer.lock"
if ! (cd "$core_dir" && composer update "${composer_quiet[@]}" --no-dev --no-audit) >>"$build_log" 2>&1; then
	grep -E 'requires|could not be found|Problem' "$build_log" | head -n 20 >&2
	log "civicrm-core $version's libraries cannot be resolved from the Packagist copy (above)"
	exit 3
fi
# The Packagist copy has pear/pear_exception 1.0.0; core's lock pins 1.0.2,
# whose one change on PHP 8 is this cast (PHP 8.1 deprecates a null
# exception code, and every CiviCRM database error would raise it).
pear_exception="$core_dir/vendor/pear/pear_exception/PEAR/Exception.php"
if ! grep -q 'parent::__construct($message, (int) $code);' "$pear_exception"; then
	sed -i 's/parent::__construct($message, $code);/parent::__construct($message, (int) $code);/' "$pear_exception"
	grep -q 'parent::__construct($message, (int) $code);' "$pear_exception" ||
		die "could not bring $pear_exception to pear_exception 1.0.2's exception code"
	log "  pear/pear_exception $(cd "$core_dir" && composer show --no-plugins pear/pear_exception 2>/dev/null | awk '/^versions/ { print $4 }') with 1.0.2's integer exception code"
fi
echo "$stamp" >"$core_dir/.civikey-build"
log "civicrm-core $(civicrm_core_version) built with $(cd "$core_dir" && composer show --no-plugins 2>/dev/null | wc -l) libraries"
log "  test stand-ins (tests/civicrm-core-bridge/packages): $(cd "$bridge_dir/packages" && echo *)"
log "  declared replaced, never loaded on CiviKey's path: ${declared_replaced[*]}"
