import { setTimeout as sleep } from 'node:timers/promises';

export async function callUpstream(url: string, signal: AbortSignal): Promise<unknown> {
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(5_000)]);
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    if (res.ok) return res.json();
    await sleep(250 * 2 ** attempt, undefined, { signal: deadline });
  }
  throw new Error(`upstream ${url} failed`);
}
