import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadable } from 'node:stream/web';
import express from 'express';

interface CopyOptions { signal?: AbortSignal }

// storage layer: takes a signal, hands it to fetch and the pipeline.
async function copyToDisk(url: string, dest: string, { signal }: CopyOptions = {}): Promise<void> {
  const res = await fetch(url, { signal });
  if (!res.ok || !res.body) throw new Error(`GET ${url}: ${res.status}`);
  await pipeline(Readable.fromWeb(res.body as WebReadable<Uint8Array>), createWriteStream(dest), { signal });
}

// service layer: the caller's signal stops here.
async function archiveExport(exportId: string, signal: AbortSignal): Promise<string> {
  if (signal.aborted) throw signal.reason;
  const dest = `/tmp/export-${exportId}.csv`;
  await copyToDisk(`http://exports.internal/${exportId}.csv`, dest);
  return dest;
}

const app = express();
app.post('/exports/:id/archive', async (req, res) => {
  const ctl = new AbortController();
  req.on('close', () => ctl.abort());
  try {
    res.json({ path: await archiveExport(req.params.id, ctl.signal) });
  } catch (err) {
    res.status(502).json({ error: String(err) });
  }
});
app.listen(3000);
