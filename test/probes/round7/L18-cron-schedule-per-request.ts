import express from 'express';
import cron from 'node-cron';

const app = express();
app.use(express.json());

async function sendDigest(email: string): Promise<void> {
  console.log('digest to', email);
}

// A user turns on the daily digest.
app.post('/users/:id/digest', (req, res) => {
  cron.schedule('0 8 * * *', () => sendDigest(req.body.email));
  res.sendStatus(204);
});

app.listen(3000);
