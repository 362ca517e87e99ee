import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// `http.request(url, { agent })` and `https.get(url, { agent })` use the agent's sockets and leave
// the agent open: handing it to them in the request options hands it to no owner. A function not
// known to only use it (one of the program's, another library's) may still own it.
const code = (call: string, end = '') => `
import https from 'node:https';

export function ping(url: string): Promise<number> {
  const agent = new https.Agent({ keepAlive: true });
  return new Promise((resolve) => {
    ${call}(url, { agent }, (res) => resolve(res.statusCode ?? 0));${end}
  });
}
`;

runInBothModes('no-leaked-subscription: a keep-alive agent handed to a request in its options', rule, {
  valid: [
    // destroyed once the response came
    code('https.get', '\n    agent.destroy();'),
    // handed to a function whose code is not seen: it may own the agent
    `
import https from 'node:https';
declare function send(url: string, options: { agent: https.Agent }): Promise<number>;

export function ping(url: string) {
  const agent = new https.Agent({ keepAlive: true });
  return send(url, { agent });
}
`,
  ],
  invalid: ['https.get', 'https.request'].map((call) => ({
    code: code(call),
    errors: [
      {
        messageId: 'connectionNotClosed' as const,
        data: { label: 'a keep-alive HTTPS agent', handle: 'agent', code: 'new https.Agent({ keepAlive: true })' },
        line: 5,
        column: 17,
        endLine: 5,
        endColumn: 53,
        suggestions: [
          {
            messageId: 'addSignalParameter' as const,
            data: { owner: '`ping()`' },
            output: `
import https from 'node:https';

export function ping(url: string, signal?: AbortSignal): Promise<number> {
  const agent = new https.Agent({ keepAlive: true });
  if (signal?.aborted) agent.destroy();
  else signal?.addEventListener('abort', () => agent.destroy(), { once: true });
  return new Promise((resolve) => {
    ${call}(url, { agent }, (res) => resolve(res.statusCode ?? 0));
  });
}
`,
          },
        ],
      },
    ],
  })),
});
