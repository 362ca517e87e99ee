import type { Pool } from 'pg';

// Resolves with the order's next status change, delivered by a NOTIFY on its channel; the
// connection stops listening and goes back to the pool when it comes or the caller gives up.
export async function nextOrderStatus(pool: Pool, orderId: number, signal: AbortSignal): Promise<string> {
  const client = await pool.connect();
  await client.query(`LISTEN order_${orderId}`);
  try {
    return await new Promise<string>((resolve, reject) => {
      client.on('notification', (n) => resolve(n.payload ?? 'unknown'));
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  } finally {
    await client.query(`UNLISTEN order_${orderId}`);
    client.release();
  }
}
