import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A pino transport is a worker thread that runs until the stream is ended; the logger made on it
// writes to it and never ends it, so handing it to `pino()` hands it to no owner. A gRPC client
// keeps its channel until `close()`.
const pinoCode = (extra = '') => `
import pino from 'pino';

export function auditLogger(tenant: string) {
  const transport = pino.transport({ target: 'pino/file' });${extra}
  return pino({ base: { tenant } }, transport);
}
`;
const grpcCode = (end = '') => `
import * as grpc from '@grpc/grpc-js';

export function stock(sku: string) {
  const client = new grpc.Client('inventory:50051', grpc.credentials.createInsecure());
  return new Promise((resolve) => client.makeUnaryRequest('/s/C', (s: string) => Buffer.from(s), (b: Buffer) => b, sku, () => resolve(sku)))${end};
}
`;

runInBothModes('no-leaked-subscription: a pino transport and a gRPC client', rule, {
  valid: [
    // returned with the logger's owner: the caller ends it
    `
import pino from 'pino';
export function auditTransport() {
  return pino.transport({ target: 'pino/file' });
}
`,
    // ended when the process exits
    pinoCode(`\n  process.once('exit', () => transport.end());`),
    grpcCode('.finally(() => client.close())'),
  ],
  invalid: [
    {
      code: pinoCode(),
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: "pino.transport({ target: 'pino/file' })", label: 'a pino transport (a worker thread)', handle: 'transport' },
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`auditLogger()`' },
              output: `
import pino from 'pino';

export function auditLogger(tenant: string, signal?: AbortSignal) {
  const transport = pino.transport({ target: 'pino/file' });
  if (signal?.aborted) transport.end();
  else signal?.addEventListener('abort', () => transport.end(), { once: true });
  return pino({ base: { tenant } }, transport);
}
`,
            },
          ],
        },
      ],
    },
    {
      code: grpcCode(),
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'new grpc.Client(…)', label: 'a gRPC client (its channel)', handle: 'client' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 87,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`stock()`' },
              output: `
import * as grpc from '@grpc/grpc-js';

export function stock(sku: string, signal?: AbortSignal) {
  const client = new grpc.Client('inventory:50051', grpc.credentials.createInsecure());
  if (signal?.aborted) client.close();
  else signal?.addEventListener('abort', () => client.close(), { once: true });
  return new Promise((resolve) => client.makeUnaryRequest('/s/C', (s: string) => Buffer.from(s), (b: Buffer) => b, sku, () => resolve(sku)));
}
`,
            },
          ],
        },
      ],
    },
  ],
});
