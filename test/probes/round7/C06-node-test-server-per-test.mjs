import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';

let server;
let baseUrl;

beforeEach(async () => {
  server = http.createServer((req, res) => res.end(req.url));
  await new Promise((resolve) => server.listen(0, () => resolve(undefined)));
  baseUrl = `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (server.address()).port}`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(() => resolve(undefined)));
});

test('echoes the path', async () => {
  const res = await fetch(`${baseUrl}/a`);
  assert.equal(await res.text(), '/a');
});

test('echoes the query', async () => {
  const res = await fetch(`${baseUrl}/b?x=1`);
  assert.equal(await res.text(), '/b?x=1');
});
