import cron from 'node-cron';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const invalidated = new Set<string>();

// Each run: refresh the cache, then listen for rows changed while it is warm.
async function refreshCache(): Promise<void> {
  const { rows } = await pool.query<{ key: string }>('SELECT key FROM cache_keys');
  for (const row of rows) invalidated.delete(row.key);
  const listener = await pool.connect();
  await listener.query('LISTEN cache_invalidate');
  listener.on('notification', (msg) => {
    if (msg.payload) invalidated.add(msg.payload);
  });
}

cron.schedule('*/5 * * * *', () => {
  void refreshCache();
});
