import type { Redis } from 'ioredis';

/** Pops tasks off the queue and handles them, forever: like the Go goroutine's receive loop. */
export async function receiveLoop(client: Redis, handle: (msg: string) => Promise<void>) {
  while (true) {
    try {
      const msg = await client.brpop('tasks', 0);
      if (!msg) continue;
      const [, payload] = msg;
      await handle(payload);
    } catch (error) {
      console.warn('receive failed, retrying:', error); // spins if the connection is closed
      continue;
    }
  }
}
