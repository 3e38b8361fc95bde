/**
 * Copies text to the clipboard: with the asynchronous Clipboard API where the
 * browser offers it (secure contexts), else with a hidden text area and
 * `execCommand( 'copy' )` (admin screens served over plain HTTP).
 *
 * @param text          Text to copy.
 * @param ownerDocument Document to copy from.
 * @return Whether the text was copied.
 */
export async function copyText(
	text: string,
	ownerDocument: Document = document
): Promise< boolean > {
	const clipboard = ownerDocument.defaultView?.navigator?.clipboard;
	if ( typeof clipboard?.writeText === 'function' ) {
		try {
			await clipboard.writeText( text );
			return true;
		} catch {
			// Denied (e.g. no permission): try the old way below.
		}
	}

	const textarea = ownerDocument.createElement( 'textarea' );
	textarea.value = text;
	textarea.setAttribute( 'readonly', '' );
	textarea.setAttribute( 'aria-hidden', 'true' );
	textarea.style.position = 'fixed';
	textarea.style.top = '-9999px';
	textarea.style.left = '-9999px';
	const focused = ownerDocument.activeElement;
	ownerDocument.body.appendChild( textarea );
	try {
		textarea.focus();
		textarea.select();
		return ownerDocument.execCommand( 'copy' );
	} catch {
		return false;
	} finally {
		textarea.remove();
		if ( focused instanceof HTMLElement ) {
			focused.focus();
		}
	}
}
