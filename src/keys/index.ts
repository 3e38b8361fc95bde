/**
 * API keys, without React: generating them in the browser and checking them
 * against the rules the server applies.
 */
export {
	DEFAULT_KEY_LENGTH,
	KEY_ALPHABET,
	MAX_KEY_LENGTH,
	MIN_KEY_LENGTH,
} from './constants';
export { generateKey, REJECTION_THRESHOLD } from './generate';
export { describeCharacter, validateKey } from './validate';
export type {
	KeyCharactersProblem,
	KeyLengthProblem,
	KeyProblem,
	KeyValidation,
	RandomSource,
} from './types';
