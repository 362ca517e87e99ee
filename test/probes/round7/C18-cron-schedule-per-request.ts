import express from 'express';
import cron, { type ScheduledTask } from 'node-cron';

const app = express();
app.use(express.json());

async function sendDigest(email: string): Promise<void> {
  console.log('digest to', email);
}

const digests = new Map<string, ScheduledTask>();

// A user turns on the daily digest; turning it on again replaces the old one.
app.post('/users/:id/digest', (req, res) => {
  digests.get(req.params.id)?.stop();
  digests.set(req.params.id, cron.schedule('0 8 * * *', () => sendDigest(req.body.email)));
  res.sendStatus(204);
});

app.delete('/users/:id/digest', (req, res) => {
  digests.get(req.params.id)?.stop();
  digests.delete(req.params.id);
  res.sendStatus(204);
});

app.listen(3000);
