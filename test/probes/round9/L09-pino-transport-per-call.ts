import pino from 'pino';
import Fastify from 'fastify';

const app = Fastify();

function auditLogger(tenant: string) {
  const transport = pino.transport({ target: 'pino/file', options: { destination: `/var/log/audit/${tenant}.log`, mkdir: true } }); // LEAK
  return pino({ base: { tenant } }, transport);
}

app.post<{ Params: { tenant: string } }>('/t/:tenant/actions', async (req) => {
  auditLogger(req.params.tenant).info({ body: req.body }, 'action');
  return { ok: true };
});
app.listen({ port: 3000 });
