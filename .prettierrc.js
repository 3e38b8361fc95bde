/**
 * Prettier configuration: the WordPress coding standards, shared by
 * `wp-scripts format` and the `prettier/prettier` ESLint rule.
 */
module.exports = require( '@wordpress/prettier-config' );
