import { QueueEvents } from 'bullmq';
import chokidar from 'chokidar';
import { readFile } from 'node:fs/promises';

const events = new QueueEvents('mail', { connection: { host: '127.0.0.1', port: 6379 } });
const listen = events.on.bind(events);

type Alert = { name: string; webhook: string };

// Alerts are configured in alerts.json; reload them whenever the file changes.
async function loadAlerts() {
  const alerts = JSON.parse(await readFile('alerts.json', 'utf8')) as Alert[];
  for (const alert of alerts) {
    listen('failed', ({ jobId, failedReason }) => {
      void fetch(alert.webhook, { method: 'POST', body: JSON.stringify({ alert: alert.name, jobId, failedReason }) });
    });
  }
}

chokidar.watch('alerts.json').on('change', () => void loadAlerts());
void loadAlerts();
