/**
 * A `fetch` for Node tests that sends requests for real hosts (e.g. https://pay-api.amazon.com/...) to a local
 * HTTPS server, keeping the original Host header and SNI and accepting its self-signed certificate, so the code
 * under test cannot tell it is not talking to Amazon.
 */
import https from 'node:https';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface EmulatorFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Every request sent through this fetch, in order. */
  requests: RecordedRequest[];
}

/** Statuses whose Response must not have a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function createEmulatorFetch(port: number, host = '127.0.0.1'): EmulatorFetch {
  const requests: RecordedRequest[] = [];

  const fetchFn = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const headers = Object.fromEntries(request.headers.entries());
    const body = request.body ? await request.text() : undefined;
    requests.push({ method: request.method, url: request.url, headers, body });

    return new Promise<Response>((resolve, reject) => {
      const req = https.request(
        {
          host,
          port,
          method: request.method,
          path: `${url.pathname}${url.search}`,
          servername: url.hostname,
          headers: { ...headers, host: url.host },
          rejectUnauthorized: false,
          signal: init.signal ?? undefined,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })));
          res.on('end', () => {
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              if (value === undefined) continue;
              for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(name, v);
            }
            const status = res.statusCode ?? 500;
            resolve(
              new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), {
                status,
                statusText: res.statusMessage,
                headers: responseHeaders,
              }),
            );
          });
        },
      );
      // Like undici: aborts surface as the signal's reason, everything else as TypeError('fetch failed').
      req.on('error', (error) => {
        reject(init.signal?.aborted ? init.signal.reason : new TypeError('fetch failed', { cause: error }));
      });
      if (body !== undefined) req.write(body);
      req.end();
    });
  };

  return Object.assign(fetchFn, { requests });
}
