import { setTimeout as sleep } from 'node:timers/promises';

// Fetch the job's input, retrying with backoff until the origin answers or the job is cancelled.
export async function fetchInput(url: string, signal: AbortSignal): Promise<Buffer> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, { signal });
      if (res.ok) return Buffer.from(await res.arrayBuffer());
    } catch (err) {
      console.warn(`attempt ${attempt} failed`, err);
    }
    await sleep(Math.min(30_000, 500 * 2 ** attempt), undefined, { signal });
  }
}
