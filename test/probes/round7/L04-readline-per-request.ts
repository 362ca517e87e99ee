import express from 'express';
import readline from 'node:readline';

const app = express();

// Operator approval: the request waits until someone types "yes <id>" on the console.
app.post('/deploys/:id/approve', (req, res) => {
  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    if (line.trim() === `yes ${req.params.id}`) res.json({ approved: true });
  });
});

app.listen(3000);
