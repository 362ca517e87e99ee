import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';

// An abort listener that ends the child through local helpers it calls (`forceKill` → `kill` →
// `proc.kill(sig)`) ends it on abort as one that calls `proc.kill()` itself: bash-language-server
// kills ShellCheck's process group that way and leaves `signal` out of `spawn` on purpose. The
// helpers are followed through the call graph, not by name; a listener whose helpers do not end
// the child is still reported.
runInBothModes('require-signal-propagation: ended on abort through local helpers', rule, {
  valid: [
    // The child's own kill() in the abort listener: the KB says kill() ends what spawn() returns.
    `
import { spawn } from 'node:child_process';

export function lint(path: string, signal: AbortSignal) {
  return new Promise<number | null>((resolve) => {
    const proc = spawn('shellcheck', [path]);
    signal.addEventListener('abort', () => proc.kill('SIGTERM'), { once: true });
    proc.on('close', (code) => resolve(code));
  });
}
`,
    `
import { spawn } from 'node:child_process';

export function lint(path: string, signal: AbortSignal) {
  return new Promise<number | null>((resolve) => {
    const proc = spawn('shellcheck', [path], { detached: true });
    const kill = (killSignal: NodeJS.Signals) => {
      if (proc.pid) proc.kill(killSignal);
    };
    const forceKill = () => {
      kill('SIGTERM');
      setTimeout(() => kill('SIGKILL'), 1000);
    };
    signal.addEventListener('abort', forceKill, { once: true });
    proc.on('close', (code) => {
      signal.removeEventListener('abort', forceKill);
      resolve(code);
    });
  });
}
`,
  ],
  invalid: [
    {
      code: `
import { spawn } from 'node:child_process';

export function lint(path: string, signal: AbortSignal) {
  return new Promise<number | null>((resolve) => {
    const proc = spawn('shellcheck', [path], { detached: true });
    const log = (message: string) => console.log(message, path);
    const onAbort = () => {
      log('aborted');
    };
    signal.addEventListener('abort', onAbort, { once: true });
    proc.on('close', (code) => {
      signal.removeEventListener('abort', onAbort);
      resolve(code);
    });
  });
}
`,
      // Offered, not written: aborting emits 'error' on \`proc\`, which nothing listens for.
      output: null,
      errors: [
        {
          messageId: 'missingSignal',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'passSignalUnheard',
              output: `
import { spawn } from 'node:child_process';

export function lint(path: string, signal: AbortSignal) {
  return new Promise<number | null>((resolve) => {
    const proc = spawn('shellcheck', [path], { detached: true, signal });
    const log = (message: string) => console.log(message, path);
    const onAbort = () => {
      log('aborted');
    };
    signal.addEventListener('abort', onAbort, { once: true });
    proc.on('close', (code) => {
      signal.removeEventListener('abort', onAbort);
      resolve(code);
    });
  });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
