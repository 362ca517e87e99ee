// app/api/queue-depth/route.ts: a Next.js route handler streaming the queue depth every second.
import { depth } from './hC18-queue.js';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setInterval(() => controller.enqueue(encoder.encode(`data: ${depth()}\n\n`)), 1_000);
      request.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } });
}
