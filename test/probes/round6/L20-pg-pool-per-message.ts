import amqp from 'amqplib';
import pg from 'pg';

interface TenantEvent { tenant: string; kind: string; at: string }

function tenantPool(tenant: string): pg.Pool {
  return new pg.Pool({ connectionString: `${process.env.DATABASE_URL}/${tenant}`, max: 4 });
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
