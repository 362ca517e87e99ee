import { QueueEvents } from 'bullmq';
import chokidar from 'chokidar';
import { readFile } from 'node:fs/promises';

const events = new QueueEvents('mail', { connection: { host: '127.0.0.1', port: 6379 } });
const listen = events.on.bind(events);
const unlisten = events.off.bind(events);

type Alert = { name: string; webhook: string };
type OnFailed = (args: { jobId: string; failedReason: string }) => void;
let current: OnFailed[] = [];

// Alerts are configured in alerts.json; reload them whenever the file changes, replacing the
// listeners the previous load made.
async function loadAlerts() {
  const alerts = JSON.parse(await readFile('alerts.json', 'utf8')) as Alert[];
  for (const old of current) unlisten('failed', old);
  current = alerts.map((alert): OnFailed => ({ jobId, failedReason }) => {
    void fetch(alert.webhook, { method: 'POST', body: JSON.stringify({ alert: alert.name, jobId, failedReason }) });
  });
  for (const onFailed of current) listen('failed', onFailed);
}

chokidar.watch('alerts.json').on('change', () => void loadAlerts());
void loadAlerts();
