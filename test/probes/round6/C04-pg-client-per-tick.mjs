import pg from 'pg';

const INTERVAL_MS = 15_000;

/** Reads queue depth for the dashboard gauge. */
async function sampleQueueDepth(gauge) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM jobs WHERE state = $1', ['queued']);
    gauge.depth = rows[0].n;
  } finally {
    await client.end();
  }
}

export function startMetrics(gauge) {
  return setInterval(() => {
    sampleQueueDepth(gauge).catch((err) => console.warn('depth sample failed', err.message));
  }, INTERVAL_MS);
}

startMetrics({ depth: 0 });
