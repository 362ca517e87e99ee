// app/api/queue-depth/route.ts: a Next.js route handler streaming the queue depth every second.
import { depth } from './hL18-queue.js';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request) {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      setInterval(() => controller.enqueue(encoder.encode(`data: ${depth()}\n\n`)), 1_000);
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } });
}
