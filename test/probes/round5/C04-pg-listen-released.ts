import cron from 'node-cron';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const invalidated = new Set<string>();

// Each run: refresh the cache, and collect the rows changed during the next 30 s.
async function refreshCache(): Promise<void> {
  const { rows } = await pool.query<{ key: string }>('SELECT key FROM cache_keys');
  for (const row of rows) invalidated.delete(row.key);
  const listener = await pool.connect();
  try {
    await listener.query('LISTEN cache_invalidate');
    listener.on('notification', (msg) => {
      if (msg.payload) invalidated.add(msg.payload);
    });
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    await listener.query('UNLISTEN cache_invalidate');
  } finally {
    listener.release();
  }
}

cron.schedule('*/5 * * * *', () => {
  void refreshCache();
});
