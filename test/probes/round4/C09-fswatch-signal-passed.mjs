import { readFile, watch } from 'node:fs/promises';

/**
 * Reload the config whenever it changes, until `signal` aborts.
 * @param {string} file
 * @param {(config: unknown) => void} apply
 * @param {AbortSignal} signal
 */
export async function followConfig(file, apply, signal) {
  apply(JSON.parse(await readFile(file, { encoding: 'utf8', signal })));
  try {
    for await (const event of watch(file, { signal })) {
      if (event.eventType !== 'change') continue;
      apply(JSON.parse(await readFile(file, { encoding: 'utf8', signal })));
    }
  } catch (err) {
    if (/** @type {Error} */ (err).name !== 'AbortError') throw err;
  }
}
