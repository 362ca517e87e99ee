import Fastify from 'fastify';
import puppeteer from 'puppeteer-core';

const app = Fastify();

async function renderPdf(url) {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] }); // LEAK
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'networkidle0' });
  const pdf = await page.pdf({ format: 'A4' });
  await page.close();
  return pdf;
}

app.get('/pdf', async (req, reply) => {
  const pdf = await renderPdf(new URL(req.url, 'http://local').searchParams.get('url') ?? 'about:blank'); // LEAK (helper)
  reply.type('application/pdf').send(pdf);
});

await app.listen({ port: 3000 });
