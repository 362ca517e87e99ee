const shutdown = new AbortController();
process.once('SIGTERM', () => shutdown.abort());

const bus = new EventTarget();

// One sync run: count 'changed' events until the run is done, then stop.
async function syncRun(): Promise<number> {
  const run = new AbortController();
  const signal = AbortSignal.any([shutdown.signal, run.signal]);
  let changes = 0;
  bus.addEventListener('changed', () => changes++, { signal });
  await new Promise((resolve) => setTimeout(resolve, 100));
  run.abort();
  return changes;
}

setInterval(() => {
  void syncRun().then((n) => console.log('changes', n));
}, 1000);
setInterval(() => bus.dispatchEvent(new Event('changed')), 10);
