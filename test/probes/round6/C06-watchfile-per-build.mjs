import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const targets = ['web', 'worker', 'cli'];
let stale = new Set();

async function compile(name) {
  await delay(50); // stands in for the tsc/esbuild call
  return { name, builtAt: Date.now() };
}

async function buildTarget(name) {
  const configPath = path.resolve('packages', name, 'tsconfig.json');
  // Rebuild on the next cycle if the config changes while we are building.
  const onChange = () => stale.add(name);
  fs.watchFile(configPath, { interval: 500 }, onChange);
  try {
    return await compile(name);
  } finally {
    fs.unwatchFile(configPath, onChange);
  }
}

export async function buildAll() {
  const results = [];
  for (const name of targets) {
    results.push(await buildTarget(name));
  }
  const changed = [...stale];
  stale = new Set();
  return { results, changed };
}

setInterval(() => {
  buildAll().then((r) => console.log(r), (err) => console.error(err));
}, 10_000);
