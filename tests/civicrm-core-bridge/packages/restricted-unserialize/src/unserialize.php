<?php
/**
 * TEST ONLY: the one function civicrm-core uses from xkerman/restricted-unserialize.
 *
 * CiviCRM reads settings and other stored values through
 * CRM_Utils_String::unserialize(), which calls this and turns
 * UnserializeFailedException into FALSE. The library's promise is "like
 * unserialize(), but never an object": PHP's own unserialize() with
 * allowed_classes => false plus a refusal of any (incomplete) object keeps it.
 *
 * @see civicrm-core CRM/Utils/String.php unserialize()
 * @package CiviKey\Tests
 */

namespace xKerman\Restricted;

/**
 * Thrown when the text is not a serialized value without objects.
 */
class UnserializeFailedException extends \Exception {
}

/**
 * Unserializes scalars and arrays; refuses objects and broken text.
 *
 * @param string $text Serialized text.
 * @return mixed
 * @throws UnserializeFailedException When the text holds an object or is not serialized.
 */
function unserialize( $text ) {
	if ( 'b:0;' === $text ) {
		return false;
	}
	// phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.PHP.DiscouragedPHPFunctions.serialize_unserialize -- failure is reported by the exception below.
	$value = @\unserialize( (string) $text, array( 'allowed_classes' => false ) );
	if ( false === $value ) {
		throw new UnserializeFailedException( 'The text is not a serialized value.' );
	}
	if ( is_object( $value ) || ( is_array( $value ) && contains_object( $value ) ) ) {
		throw new UnserializeFailedException( 'Serialized objects are not allowed.' );
	}
	return $value;
}

/**
 * Whether an array holds an object at any depth.
 *
 * @param array<mixed> $values Values.
 * @return bool
 */
function contains_object( array $values ): bool {
	foreach ( $values as $value ) {
		if ( is_object( $value ) || ( is_array( $value ) && contains_object( $value ) ) ) {
			return true;
		}
	}
	return false;
}
