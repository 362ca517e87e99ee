import { request } from 'undici';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * @param {string} baseUrl
 * @param {(command: { id: number }) => Promise<void>} handle
 * @param {AbortSignal} signal
 */
export async function pollCommands(baseUrl, handle, signal) {
  let cursor = 0;
  while (!signal.aborted) {
    try {
      const { statusCode, body } = await request(`${baseUrl}/commands?after=${cursor}&wait=30`, { signal });
      if (statusCode !== 200) throw new Error(`poll failed: ${statusCode}`);
      const commands = /** @type {{ id: number }[]} */ (await body.json());
      for (const command of commands) {
        await handle(command);
        cursor = command.id;
      }
    } catch (err) {
      if (signal.aborted) return;
      console.error('poll error', err);
      await sleep(1000, undefined, { signal }).catch(() => {});
    }
  }
}
