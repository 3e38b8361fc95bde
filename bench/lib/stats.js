/**
 * Percentiles and ratios for the bench.
 *
 * Percentiles interpolate linearly between the two nearest ranks (the
 * "linear" method of NumPy and of spreadsheet PERCENTILE.INC), so the
 * median of an even number of samples is the mean of the middle two, as
 * people expect, and p95 of 20 loads is not simply the largest but one.
 */

/**
 * The p-th percentile of the samples.
 *
 * @param {number[]} samples Measurements, in any order.
 * @param {number}   p       Percentile, from 0 to 100.
 * @return {number|null} Null when there are no samples.
 */
function percentile( samples, p ) {
	if ( p < 0 || p > 100 || Number.isNaN( p ) ) {
		throw new RangeError(
			`percentile must be between 0 and 100, got ${ p }`
		);
	}
	const sorted = samples
		.filter( ( value ) => Number.isFinite( value ) )
		.sort( ( a, b ) => a - b );
	if ( sorted.length === 0 ) {
		return null;
	}
	const rank = ( p / 100 ) * ( sorted.length - 1 );
	const below = Math.floor( rank );
	const above = Math.ceil( rank );
	return (
		sorted[ below ] +
		( sorted[ above ] - sorted[ below ] ) * ( rank - below )
	);
}

/**
 * The median of the samples.
 *
 * @param {number[]} samples Measurements.
 * @return {number|null} Null when there are no samples.
 */
function median( samples ) {
	return percentile( samples, 50 );
}

/**
 * How many times larger `ours` is than `theirs`.
 *
 * @param {number|null} ours   Our figure.
 * @param {number|null} theirs The figure we compare with.
 * @return {number|null} Null when either is missing or `theirs` is not positive.
 */
function ratio( ours, theirs ) {
	if ( ours === null || theirs === null || ! ( theirs > 0 ) ) {
		return null;
	}
	return ours / theirs;
}

/**
 * Rounds for the report: whole milliseconds from 100 up, one decimal below.
 *
 * @param {number|null} value Milliseconds.
 * @return {number|null} Rounded value.
 */
function roundMs( value ) {
	if ( value === null ) {
		return null;
	}
	return Math.abs( value ) >= 100
		? Math.round( value )
		: Math.round( value * 10 ) / 10;
}

/**
 * Two decimals for ratios.
 *
 * @param {number|null} value Ratio.
 * @return {number|null} Rounded ratio.
 */
function roundRatio( value ) {
	return value === null ? null : Math.round( value * 100 ) / 100;
}

module.exports = { percentile, median, ratio, roundMs, roundRatio };
