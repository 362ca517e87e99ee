import amqp from 'amqplib';
import pg from 'pg';

interface TenantEvent { tenant: string; kind: string; at: string }

// One pool per tenant for the process's life, made on first use.
const pools = new Map<string, pg.Pool>();
function tenantPool(tenant: string): pg.Pool {
  let pool = pools.get(tenant);
  if (!pool) {
    pool = new pg.Pool({ connectionString: `${process.env.DATABASE_URL}/${tenant}`, max: 4 });
    pools.set(tenant, pool);
  }
  return pool;
}

async function store(event: TenantEvent): Promise<void> {
  const pool = tenantPool(event.tenant);
  await pool.query('INSERT INTO events (kind, at) VALUES ($1, $2)', [event.kind, event.at]);
}

const conn = await amqp.connect(process.env.AMQP_URL ?? 'amqp://127.0.0.1');
const channel = await conn.createChannel();
await channel.assertQueue('tenant-events');
await channel.consume('tenant-events', (msg) => {
  if (!msg) return;
  store(JSON.parse(msg.content.toString()) as TenantEvent).then(
    () => channel.ack(msg),
    () => channel.nack(msg),
  );
});
process.once('SIGTERM', () => {
  void Promise.all([...pools.values()].map((p) => p.end())).then(() => conn.close());
});
