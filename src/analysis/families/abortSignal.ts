import type { Family } from './family';

/**
 * AbortSignal: what tells code it was aborted. A loop that checks `signal.aborted` or calls
 * `signal.throwIfAborted()` has an exit tied to the signal.
 */
export const abortSignal = {
  name: 'AbortSignal',
  abortChecks: ['aborted', 'throwIfAborted'],
} as const satisfies Family;
