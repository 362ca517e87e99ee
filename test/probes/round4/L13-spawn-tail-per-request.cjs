const express = require('express');
const { spawn } = require('node:child_process');

const app = express();

app.get('/logs/:service', (req, res) => {
  res.setHeader('content-type', 'text/event-stream');
  const tail = spawn('journalctl', ['-f', '-u', req.params.service]);
  tail.stdout.on('data', (chunk) => {
    res.write(`data: ${JSON.stringify(chunk.toString())}\n\n`);
  });
});

app.listen(8080);
