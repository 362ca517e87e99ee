import { request } from 'undici';

/**
 * @param {string} baseUrl
 * @param {(command: { id: number }) => Promise<void>} handle
 */
export async function pollCommands(baseUrl, handle) {
  let cursor = 0;
  while (true) {
    try {
      const { statusCode, body } = await request(`${baseUrl}/commands?after=${cursor}&wait=30`);
      if (statusCode !== 200) throw new Error(`poll failed: ${statusCode}`);
      const commands = /** @type {{ id: number }[]} */ (await body.json());
      for (const command of commands) {
        await handle(command);
        cursor = command.id;
      }
    } catch (err) {
      console.error('poll error', err);
    }
  }
}
