import http2 from 'node:http2';
import express from 'express';

const app = express();

function fetchProfile(userId: string): Promise<string> {
  const session = http2.connect('https://profiles.internal:8443');
  return new Promise<string>((resolve, reject) => {
    const stream = session.request({ ':path': `/users/${userId}` });
    let body = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => (body += chunk));
    stream.on('end', () => resolve(body));
    stream.on('error', reject);
    stream.end();
  }).finally(() => session.close());
}

app.get('/users/:id', async (req, res) => {
  res.type('json').send(await fetchProfile(req.params.id));
});
app.listen(3000);
