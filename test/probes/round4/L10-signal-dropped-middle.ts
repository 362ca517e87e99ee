export interface Page {
  items: string[];
  next?: string;
}

async function fetchPage(url: string, signal?: AbortSignal): Promise<Page> {
  const res = await fetch(url, { signal });
  return (await res.json()) as Page;
}

async function collect(start: string, signal: AbortSignal): Promise<string[]> {
  const items: string[] = [];
  let url: string | undefined = start;
  while (url && !signal.aborted) {
    const page = await fetchPage(url);
    items.push(...page.items);
    url = page.next;
  }
  return items;
}

export async function handler(req: Request): Promise<Response> {
  const items = await collect('https://api.example.com/items', req.signal);
  return Response.json(items);
}
