import { createClient } from 'redis';

const client = createClient({ url: 'redis://127.0.0.1:6379' });

// Every minute: ask the workers to report in, and count who answers within 5 s.
async function census(): Promise<number> {
  const sub = client.duplicate();
  await sub.connect();
  let answers = 0;
  await sub.subscribe('census:reply', () => {
    answers += 1;
  });
  await client.publish('census:ask', String(Date.now()));
  await new Promise((resolve) => setTimeout(resolve, 5000));
  return answers;
}

async function main() {
  await client.connect();
  setInterval(() => {
    census().then((n) => console.log('workers alive:', n), console.error);
  }, 60_000);
}

void main();
