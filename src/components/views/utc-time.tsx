/**
 * Internal dependencies
 */
import { formatDateTime, formatRelative, formatUtc, parseUtc } from './format';

/**
 * A UTC date-time from the server as a `<time>`: relative or in the admin's
 * language, with the UTC value in its title.
 *
 * @param props          Component props.
 * @param props.value    UTC date-time, `Y-m-d H:i:s`.
 * @param props.relative Whether to say how long ago, e.g. "3 days ago".
 * @param props.now      The current time.
 */
export default function UtcTime( {
	value,
	relative = false,
	now,
}: {
	value: string;
	relative?: boolean;
	now?: Date;
} ) {
	const date = parseUtc( value );
	if ( ! date ) {
		return <>{ formatUtc( value ) }</>;
	}
	return (
		<time dateTime={ date.toISOString() } title={ formatUtc( value ) }>
			{ relative ? formatRelative( date, now ) : formatDateTime( date ) }
		</time>
	);
}
