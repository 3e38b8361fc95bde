/** The numbered steps: describe, review, create, key. */
export const STEP_COUNT = 4;

/** Longest integration name the server takes (the contact's name). */
export const MAX_NAME_LENGTH = 64;
