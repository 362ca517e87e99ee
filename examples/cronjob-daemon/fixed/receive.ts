import type { Redis } from 'ioredis';
import { setTimeout } from 'node:timers/promises';

/** Pops tasks off the queue and handles them until `signal` aborts. */
export async function receiveLoop(client: Redis, handle: (msg: string) => Promise<void>, signal: AbortSignal) {
  while (!signal.aborted) {
    try {
      const msg = await client.brpop('tasks', 0);
      if (!msg) continue;
      const [, payload] = msg;
      await handle(payload);
    } catch (error) {
      if (signal.aborted) throw error;
      console.warn('receive failed, retrying in 1s:', error);
      await setTimeout(1000, undefined, { signal });
    }
  }
}
