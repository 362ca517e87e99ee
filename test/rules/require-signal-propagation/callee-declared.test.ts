import rule from '../../../rules/require-signal-propagation';
import { missing } from './missingSignal';
import { runInBothModes } from '../../ruleTester';

// Callees known to take a signal by what the code declares, and signals carried by what it declares
// (issue 10, recall on the corpus): a function value typed with an `AbortSignal` parameter (effect's
// `HttpClient.make(f)`), a web ReadableStream's `pipeTo` known by its `new WritableStream`
// destination, a fetch `Request` carried in an options parameter (tRPC's `writeResponse`), a
// controller made on one branch (`scoped ?? new AbortController()`).
runInBothModes('require-signal-propagation: callees and signals known by their declarations', rule, {
  valid: [
    // The runner is given the controller's signal.
    `
export const make = (f: (url: URL, signal: AbortSignal) => Promise<Response>) => (url: URL, scoped?: AbortController) => {
  const controller = scoped ?? new AbortController();
  return f(url, controller.signal);
};
`,
    // A parameter named signal that is a POSIX signal name: nothing takes it as an AbortSignal.
    `
export const make = (kill: (pid: number, signal: string) => void) => (pid: number, signal = 'SIGTERM') => {
  kill(pid, signal);
};
`,
    // Piped with the signal.
    `
export async function copy(body: ReadableStream<Uint8Array>, signal: AbortSignal, write: (chunk: Uint8Array) => void) {
  await body.pipeTo(new WritableStream({ write }), { signal });
}
`,
    // A `pipeTo` of something that is not known to be a web stream, with nothing to show it takes options.
    `
export async function forward(source: { pipeTo(target: unknown): Promise<void> }, target: unknown, signal: AbortSignal) {
  signal.throwIfAborted();
  await source.pipeTo(target);
}
`,
    // A `Request` the file declares itself is not the platform's.
    `
interface Request { id: string; signal: string }
async function send(opts: { signal: AbortSignal; body: string }) {
  await fetch('/x', { signal: opts.signal, body: opts.body });
}
export async function handle(opts: { request: Request; body: string }) {
  await send({ signal: AbortSignal.timeout(1000), body: opts.body });
}
`,
    // An optional request may be missing: its `.signal` is not in scope.
    `
async function send(opts: { signal?: AbortSignal; body: string }) {
  await fetch('/x', { signal: opts.signal, body: opts.body });
}
export async function handle(opts: { request?: Request; body: string }) {
  await send({ body: opts.body });
}
`,
  ],
  invalid: [
    {
      code: `
const scoped = new WeakMap<URL, AbortController>();
export const make = (f: (url: URL, signal: AbortSignal) => Promise<Response>) => (url: URL) => {
  const controller = scoped.get(url) ?? new AbortController();
  setTimeout(() => controller.abort(), 1000);
  return f(url, void 0);
};
`,
      output: `
const scoped = new WeakMap<URL, AbortController>();
export const make = (f: (url: URL, signal: AbortSignal) => Promise<Response>) => (url: URL) => {
  const controller = scoped.get(url) ?? new AbortController();
  setTimeout(() => controller.abort(), 1000);
  return f(url, controller.signal);
};
`,
      errors: [missing(6, 10, 6, 24)],
    },
    {
      // The function type's options parameter declares a signal.
      code: `
type Run = (url: URL, options: { signal?: AbortSignal; retries: number }) => Promise<Response>;
export async function get(run: Run, url: URL, signal: AbortSignal) {
  const inner: (url: URL, options: { signal?: AbortSignal; retries: number }) => Promise<Response> = run;
  signal.throwIfAborted();
  return inner(url, { retries: 1 });
}
`,
      output: `
type Run = (url: URL, options: { signal?: AbortSignal; retries: number }) => Promise<Response>;
export async function get(run: Run, url: URL, signal: AbortSignal) {
  const inner: (url: URL, options: { signal?: AbortSignal; retries: number }) => Promise<Response> = run;
  signal.throwIfAborted();
  return inner(url, { retries: 1, signal });
}
`,
      errors: [missing(6, 10, 6, 36)],
    },
    {
      code: `
export async function copy(body: ReadableStream<Uint8Array>, signal: AbortSignal, write: (chunk: Uint8Array) => void) {
  const sink = new WritableStream({ write });
  await body.pipeTo(sink, { preventClose: true });
}
`,
      output: `
export async function copy(body: ReadableStream<Uint8Array>, signal: AbortSignal, write: (chunk: Uint8Array) => void) {
  const sink = new WritableStream({ write });
  await body.pipeTo(sink, { preventClose: true, signal });
}
`,
      errors: [missing(4, 9, 4, 50)],
    },
    {
      code: `
async function writeBody(opts: { signal: AbortSignal; body: ReadableStream<Uint8Array> }) {
  await opts.body.pipeTo(new WritableStream({}), { signal: opts.signal });
}
export async function writeResponse(opts: { request: Request; response: Response }) {
  if (opts.response.body) await writeBody({ body: opts.response.body });
}
`,
      output: `
async function writeBody(opts: { signal: AbortSignal; body: ReadableStream<Uint8Array> }) {
  await opts.body.pipeTo(new WritableStream({}), { signal: opts.signal });
}
export async function writeResponse(opts: { request: Request; response: Response }) {
  if (opts.response.body) await writeBody({ body: opts.response.body, signal: opts.request.signal });
}
`,
      errors: [missing(6, 33, 6, 72)],
    },
    {
      // A fetch Request parameter carries its own signal.
      code: `
async function load(path: string, signal: AbortSignal) {
  return fetch('https://upstream.example' + path, { signal });
}
export async function proxy(req: Request) {
  return load(new URL(req.url).pathname, undefined);
}
`,
      output: `
async function load(path: string, signal: AbortSignal) {
  return fetch('https://upstream.example' + path, { signal });
}
export async function proxy(req: Request) {
  return load(new URL(req.url).pathname, req.signal);
}
`,
      errors: [missing(6, 10, 6, 52)],
    },
  ],
});

// A fetch `Request` parameter is no options object: a callee taking one and a signal is given none
// when only the request is passed (effect's `readArrayBufferLimited(source, max, signal)`).
runInBothModes('require-signal-propagation: a Request parameter is not an options object', rule, {
  valid: [],
  invalid: [
    {
      code: `
const readLimited = async (source: Request, max: number, signal: AbortSignal): Promise<ArrayBuffer> => {
  signal.throwIfAborted();
  return source.arrayBuffer();
};
export function read(source: Request, max: number, signal: AbortSignal) {
  return readLimited(source, max, void 0);
}
`,
      output: `
const readLimited = async (source: Request, max: number, signal: AbortSignal): Promise<ArrayBuffer> => {
  signal.throwIfAborted();
  return source.arrayBuffer();
};
export function read(source: Request, max: number, signal: AbortSignal) {
  return readLimited(source, max, signal);
}
`,
      errors: [missing(7, 10, 7, 42)],
    },
  ],
});
