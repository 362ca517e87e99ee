import express from 'express';
import { scheduleReminder } from './hL13-reminders.js';

const app = express();

async function sendReminder(userId: string) {
  await fetch(`https://notify.internal/users/${userId}/remind`, { method: 'POST' });
}

app.put('/users/:id/reminder', express.json(), (req, res) => {
  scheduleReminder(req.params.id, String(req.body.cron), sendReminder); // LEAK (helper)
  res.sendStatus(204);
});

app.listen(3000);
