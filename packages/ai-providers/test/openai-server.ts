import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake endpoint does with the next chat-completions request. */
export type Behaviour =
  | { kind: 'text'; text: string; chunkDelayMs?: number }
  | { kind: 'tool'; name: string; args: unknown }
  | { kind: 'status'; status: number }
  | { kind: 'hang' }
  | { kind: 'hang-after-headers' };

export type ChatBody = {
  model: string;
  stream?: boolean;
  messages: { role: string; content: unknown }[];
  tools?: unknown[];
};

/**
 * A local HTTP server speaking the OpenAI chat-completions protocol (SSE with
 * `data: {...}` chunks and `data: [DONE]` when `stream: true`, one JSON body otherwise),
 * plus GET /v1/models for health checks. `behave` decides each reply.
 */
export async function startOpenAiServer(behave: (body: ChatBody, n: number) => Behaviour) {
  const requests: ChatBody[] = [];
  let aborted = 0;
  let health: 'ok' | 'hang' | number = 'ok';
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v1/models') return models(res, health);
    void readJson(req).then((body) => {
      requests.push(body);
      res.on('close', () => {
        if (!res.writableEnded) aborted += 1;
      });
      reply(res, body, behave(body, requests.length - 1));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    get aborted() {
      return aborted;
    },
    setHealth(h: 'ok' | 'hang' | number) {
      health = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function models(res: ServerResponse, health: 'ok' | 'hang' | number) {
  if (health === 'hang') return;
  if (typeof health === 'number') return void res.writeHead(health).end();
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end('{"object":"list","data":[{"id":"m","object":"model"}]}');
}

function reply(res: ServerResponse, body: ChatBody, b: Behaviour) {
  if (b.kind === 'hang') return;
  if (b.kind === 'status') {
    res
      .writeHead(b.status, { 'content-type': 'application/json' })
      .end(`{"error":{"message":"status ${b.status}","type":"error"}}`);
    return;
  }
  if (!body.stream)
    return void res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(completion(body.model, b)));
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
  if (b.kind === 'hang-after-headers') return;
  const frames = chunks(body.model, b);
  const send = (i: number) => {
    if (res.destroyed) return;
    if (i === frames.length) return void res.end('data: [DONE]\n\n');
    res.write(`data: ${JSON.stringify(frames[i])}\n\n`);
    if (b.kind === 'text' && b.chunkDelayMs) setTimeout(() => send(i + 1), b.chunkDelayMs);
    else send(i + 1);
  };
  send(0);
}

const base = (model: string) => ({ id: 'chatcmpl-1', created: 1_700_000_000, model });

function chunks(model: string, b: Behaviour) {
  const chunk = (delta: object, finish: string | null) => ({
    ...base(model),
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  if (b.kind === 'tool') {
    const call = {
      index: 0,
      id: 'call_1',
      type: 'function',
      function: { name: b.name, arguments: JSON.stringify(b.args) },
    };
    return [chunk({ role: 'assistant', tool_calls: [call] }, null), chunk({}, 'tool_calls')];
  }
  const words = b.kind === 'text' ? (b.text.match(/\S+\s*/g) ?? []) : [];
  return [
    ...words.map((w, i) => chunk(i === 0 ? { role: 'assistant', content: w } : { content: w }, null)),
    chunk({}, 'stop'),
  ];
}

function completion(model: string, b: Behaviour) {
  const message =
    b.kind === 'tool'
      ? {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: b.name, arguments: JSON.stringify(b.args) } },
          ],
        }
      : { role: 'assistant', content: b.kind === 'text' ? b.text : '' };
  return {
    ...base(model),
    object: 'chat.completion',
    choices: [{ index: 0, message, finish_reason: b.kind === 'tool' ? 'tool_calls' : 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  };
}

function readJson(req: IncomingMessage): Promise<ChatBody> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(JSON.parse(Buffer.concat(parts).toString('utf8')) as ChatBody));
    req.on('error', reject);
  });
}
