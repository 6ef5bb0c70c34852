// A local OpenAI-compatible endpoint for the e2e server's LOCAL AI tier (stands in for
// Ollama's /v1): GET /v1/models for the health probe, POST /v1/chat/completions streaming
// SSE chunks word by word. Plain-JS port of packages/ai-providers/test/openai-server.ts.
import { createServer } from 'node:http';

/** What the test model answers every question with (ai.e2e.test.mjs looks for it). */
export const E2E_LOCAL_ANSWER = 'The spectator bot says: XAUUSD is trending among verified traders.';

export async function startOpenAiTestServer({ text = E2E_LOCAL_ANSWER, chunkDelayMs = 20 } = {}) {
  let chats = 0;
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v1/models') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"object":"list","data":[{"id":"e2e-local","object":"model"}]}');
      return;
    }
    const parts = [];
    req.on('data', (c) => parts.push(c));
    req.on('end', () => {
      chats += 1;
      const body = JSON.parse(Buffer.concat(parts).toString('utf8'));
      const base = { id: `chatcmpl-${chats}`, created: 1_700_000_000, model: body.model };
      if (!body.stream) {
        const message = { role: 'assistant', content: text };
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            ...base,
            object: 'chat.completion',
            choices: [{ index: 0, message, finish_reason: 'stop' }],
          }),
        );
        return;
      }
      const chunk = (delta, finish) => ({
        ...base,
        object: 'chat.completion.chunk',
        choices: [{ index: 0, delta, finish_reason: finish }],
      });
      const words = text.match(/\S+\s*/g) ?? [];
      const frames = [
        ...words.map((w, i) => chunk(i === 0 ? { role: 'assistant', content: w } : { content: w }, null)),
        chunk({}, 'stop'),
      ];
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.flushHeaders();
      const send = (i) => {
        if (res.destroyed) return;
        if (i === frames.length) return void res.end('data: [DONE]\n\n');
        res.write(`data: ${JSON.stringify(frames[i])}\n\n`);
        setTimeout(() => send(i + 1), chunkDelayMs);
      };
      send(0);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${server.address().port}/v1`,
    get chats() {
      return chats;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Starts the server in its own process: the e2e runner blocks its event loop while the
 * suite runs (spawnSync), so the endpoint must not live in the runner's process.
 */
export async function spawnOpenAiTestServer() {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const baseURL = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /READY (\S+)\n/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`OpenAI test server exited with ${code}`)));
  });
  return {
    baseURL,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

if (process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  const server = await startOpenAiTestServer();
  process.stdout.write(`READY ${server.baseURL}\n`);
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}
