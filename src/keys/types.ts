/**
 * Fills a byte array with cryptographically strong random values and returns
 * it, like `crypto.getRandomValues()`.
 */
export type RandomSource = ( array: Uint8Array ) => Uint8Array;

/** The key is empty. */
export interface EmptyKeyProblem {
	code: 'empty';
	/** Translated sentence saying what to do. */
	message: string;
}

/** The key contains characters other than A–Z, a–z and 0–9. */
export interface KeyCharactersProblem {
	code: 'characters';
	/** Translated sentence naming the offending characters. */
	message: string;
	/** How many characters are not allowed, counting repeats. */
	count: number;
	/** The distinct characters that are not allowed, in order of appearance. */
	characters: string[];
}

/** The key is shorter than the minimum or longer than the maximum. */
export interface KeyLengthProblem {
	code: 'too_short' | 'too_long';
	/** Translated sentence giving the length and the limit. */
	message: string;
	/** The key's length, in characters (code points). */
	length: number;
	/** How many characters too few or too many. */
	by: number;
}

/** One thing wrong with a key. */
export type KeyProblem =
	EmptyKeyProblem | KeyCharactersProblem | KeyLengthProblem;

/** What `validateKey()` says about a key. */
export type KeyValidation =
	{ valid: true } | { valid: false; problems: KeyProblem[] };
