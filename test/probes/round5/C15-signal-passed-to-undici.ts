import { request } from 'undici';

export interface FetchJobOptions {
  signal: AbortSignal;
  retries?: number;
}

// Download a job's payload; the scheduler aborts it when the job times out.
export async function fetchPayload(url: string, { signal, retries = 3 }: FetchJobOptions): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    signal.throwIfAborted();
    try {
      const { statusCode, body } = await request(url, { method: 'GET', headersTimeout: 0, bodyTimeout: 0, signal });
      if (statusCode >= 500) throw new Error(`status ${statusCode}`);
      return await body.text();
    } catch (err) {
      if (attempt >= retries) throw err;
    }
  }
}
