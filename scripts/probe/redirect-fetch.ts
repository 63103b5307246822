/**
 * For testing the probe only: a fetch that sends requests for Amazon's hosts to another HTTPS server (an emulator),
 * keeping their Host header and TLS server name, and trusting only the given CA.
 */
import https from 'node:https';

export function redirectingFetch(base: URL, ca: string): typeof fetch {
  return async (input, init = {}) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    return new Promise<Response>((resolve, reject) => {
      const req = https.request(
        {
          host: base.hostname,
          port: base.port || 443,
          method: request.method,
          path: `${url.pathname}${url.search}`,
          servername: url.hostname,
          ca,
          headers: { ...Object.fromEntries(request.headers.entries()), host: url.host },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(res.headers))
              for (const v of ([] as string[]).concat(value ?? [])) headers.append(name, v);
            resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500, headers }));
          });
        },
      );
      req.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })));
      req.end(body);
    });
  };
}
