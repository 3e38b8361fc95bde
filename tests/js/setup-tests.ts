/**
 * Jest setup, run after the test framework is installed.
 *
 * Adds the jest-dom matchers (toBeInTheDocument, toHaveTextContent, …) to the
 * `expect` exported by @jest/globals, with their TypeScript declarations.
 */

/**
 * External dependencies
 */
import '@testing-library/jest-dom/jest-globals';
