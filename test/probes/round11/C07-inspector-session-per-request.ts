import express from 'express';
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const app = express();

async function cpuProfile(ms: number) {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    await sleep(ms);
    const { profile } = await session.post('Profiler.stop');
    return profile;
  } finally {
    session.disconnect();
  }
}

app.post('/debug/profile', async (req, res) => {
  const profile = await cpuProfile(Number(req.query.ms ?? 5000));
  await writeFile(`/tmp/${Date.now()}.cpuprofile`, JSON.stringify(profile));
  res.sendStatus(204);
});

app.listen(3000);
