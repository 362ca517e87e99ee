import express from 'express';
import type { CronJob } from 'cron';
import { scheduleReminder } from './hC13-reminders.js';

const app = express();
const reminders = new Map<string, CronJob>();

async function sendReminder(userId: string) {
  await fetch(`https://notify.internal/users/${userId}/remind`, { method: 'POST' });
}

app.put('/users/:id/reminder', express.json(), (req, res) => {
  reminders.get(req.params.id)?.stop();
  reminders.set(req.params.id, scheduleReminder(req.params.id, String(req.body.cron), sendReminder));
  res.sendStatus(204);
});

app.delete('/users/:id/reminder', (req, res) => {
  reminders.get(req.params.id)?.stop();
  reminders.delete(req.params.id);
  res.sendStatus(204);
});

app.listen(3000);
