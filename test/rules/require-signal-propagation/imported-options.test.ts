import rule from '../../../rules/require-signal-propagation';
import { missing } from './missingSignal';
import { runInBothModes } from '../../ruleTester';

// A function of another file takes its signal in an options object whose type is declared in a
// third file: tRPC's `callProcedure(opts: ProcedureCallOptions<unknown> & { … })`, with
// `signal: AbortSignal | undefined` in procedureBuilder.ts. Without types the options type is
// read where it is imported from (an interface or type alias, through an intersection); with
// types the checker says so. A `signal` typed as a POSIX signal name is not one.
const filename = 'project/jobs.ts';

runInBothModes('require-signal-propagation: options typed in another file', rule, {
  valid: [
    {
      filename,
      code: `
import { callProcedure } from './procedures/call';

export async function execute(path: string) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 1000);
  return callProcedure({ ctx: {}, path, router: 'app', signal: controller.signal });
}
`,
    },
    {
      filename,
      code: `
import { stopWorker } from './procedures/call';

export function stop(pid: number) {
  const controller = new AbortController();
  controller.signal.throwIfAborted();
  stopWorker({ pid, signal: 'SIGTERM' });
}
`,
    },
  ],
  invalid: [
    {
      filename,
      code: `
import { callProcedure } from './procedures/call';

export async function execute(path: string) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 1000);
  return callProcedure({ ctx: {}, path, router: 'app' });
}
`,
      output: `
import { callProcedure } from './procedures/call';

export async function execute(path: string) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 1000);
  return callProcedure({ ctx: {}, path, router: 'app', signal: controller.signal });
}
`,
      errors: [
        {
          ...missing(7, 10, 7, 57),
          data: { call: "callProcedure({ ctx: {}, path, router: 'app' })", signal: 'controller.signal', owner: '`execute()`' },
        },
      ],
    },
  ],
});
