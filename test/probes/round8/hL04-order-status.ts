import type { Pool } from 'pg';

// Resolves with the order's next status change, delivered by a NOTIFY on its channel.
export async function nextOrderStatus(pool: Pool, orderId: number): Promise<string> {
  const client = await pool.connect();
  await client.query(`LISTEN order_${orderId}`);
  return new Promise((resolve) => {
    client.on('notification', (n) => resolve(n.payload ?? 'unknown'));
  });
}
