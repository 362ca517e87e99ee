import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';
import { missing } from './missingSignal';

// An AbortController handed to a function that reads its `signal` (destructured `{ signal }`, or
// `controller.signal`) gives that function the signal: not reported. A function given nothing
// there, or an object of another known kind, is; and a stream or emitter in the options' place is
// never spread into `{ ...stream, signal }`, which would drop its methods.
const helpers = `
import { once, EventEmitter } from 'node:events';
const stopOnDisconnect = async (emitter, controller) => {
  try {
    await once(emitter, 'disconnect', { signal: controller.signal });
    controller.abort();
  } catch {}
};
const waitMessage = async (emitter, { signal }) => {
  const [message] = await once(emitter, 'message', { signal });
  return message;
};
`;

runInBothModes('require-signal-propagation: an AbortController handed over', rule, {
  valid: [
    // The controller itself, read as `controller.signal` and as a destructured `{ signal }`.
    `${helpers}
export async function loop(emitter) {
  const controller = new AbortController();
  stopOnDisconnect(emitter, controller);
  try {
    return await waitMessage(emitter, controller);
  } finally {
    controller.abort();
  }
}
`,
    // A parameter holding the caller's controller.
    `${helpers}
export async function next(emitter, controller: AbortController) {
  return waitMessage(emitter, controller);
}
`,
  ],
  invalid: [
    {
      // Given nothing where the signal goes: the controller's signal is added.
      code: `${helpers}
export async function loop(emitter) {
  const controller = new AbortController();
  try {
    return await waitMessage(emitter);
  } finally {
    controller.abort();
  }
}
`,
      errors: [missing(17, 18, 17, 38)],
      output: `${helpers}
export async function loop(emitter) {
  const controller = new AbortController();
  try {
    return await waitMessage(emitter, { signal: controller.signal });
  } finally {
    controller.abort();
  }
}
`,
    },
    {
      // An emitter in the options' place carries no signal; copying it would drop its methods.
      code: `${helpers}
export async function loop(emitter) {
  const controller = new AbortController();
  const bus = new EventEmitter();
  try {
    return await waitMessage(emitter, bus);
  } finally {
    controller.abort();
  }
}
`,
      errors: [missing(18, 18, 18, 43)],
      output: null,
    },
  ],
});
