/** Backends of a test's own, on 127.0.0.1, to try the runner against as a backend team's CI would. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestBackend {
  url: string;
  close(): Promise<void>;
}

/** A real HTTP server whose every answer is `answer`'s. */
async function startBackend(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<TestBackend> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => answer(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** `200 {}` to every request: a backend that is up and keeps no part of the contract. */
export function answersEmptyObjects(): Promise<TestBackend> {
  return startBackend((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{}');
  });
}

/** A 401 problem to every sign-in: credentials the backend refuses. */
export function refusesSignIn(): Promise<TestBackend> {
  return startBackend((_request, response) => {
    response.writeHead(401, { 'Content-Type': 'application/problem+json' });
    response.end(JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'The email or password is incorrect.' }));
  });
}

/** A URL where nothing listens: a port the system gave out and took back. */
export async function nothingListening(): Promise<string> {
  const backend = await startBackend(() => undefined);
  await backend.close();
  return backend.url;
}
