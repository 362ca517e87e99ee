import pino from 'pino';
import Fastify from 'fastify';

const app = Fastify();
const transport = pino.transport({ target: 'pino/file', options: { destination: '/var/log/audit/all.log', mkdir: true } });
const root = pino(transport);

function auditLogger(tenant: string) {
  return root.child({ tenant });
}

app.post<{ Params: { tenant: string } }>('/t/:tenant/actions', async (req) => {
  auditLogger(req.params.tenant).info({ body: req.body }, 'action');
  return { ok: true };
});
app.listen({ port: 3000 });
