/** `npm run emulator -- --port 8443 [flags]`: starts the emulator and prints one JSON "ready" line on stdout. */
import { parseArgs } from 'node:util';
import type { FaultInput } from './faults';
import { startEmulator, type EmulatorOptions } from './index';

const HELP = `Usage: npm run emulator -- [flags]
  --port <n>                    listen port (0 = any free port; default 0)
  --host <addr>                 listen address (default 127.0.0.1)
  --seed <s>                    seed for generated data and fault draws (default 1)
  --extra-reports <n>           extra requested reports per merchant account
  --processing-delay-ms <n>     how long created reports stay IN_PROGRESS (default 3000)
  --document-url-ttl <s>        lifetime of document URLs in seconds (default 30)
  --max-date-age <s>            oldest accepted x-amz-pay-date, seconds (default 900)
  --clock-offset <s>            shift the emulator's clock by s seconds
  --latency-ms <n>              added latency for every route
  --document-latency-ms <n>     added latency before document downloads
  --document-bytes-per-second <n>  throttle document bodies
  --rate-limit <r>[:<burst>]    token bucket over API requests (429 TooManyRequests beyond it)
  --error-rate <p>              share of API requests answered 500/503 (0..1)
  --help`;

function number(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`${flag} needs a number, got ${value}`);
  return n;
}

function options(argv: string[]): EmulatorOptions | null {
  const str = { type: 'string' } as const;
  const { values: v } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: str,
      host: str,
      seed: str,
      'extra-reports': str,
      'processing-delay-ms': str,
      'document-url-ttl': str,
      'max-date-age': str,
      'clock-offset': str,
      'latency-ms': str,
      'document-latency-ms': str,
      'document-bytes-per-second': str,
      'rate-limit': str,
      'error-rate': str,
      help: { type: 'boolean' },
    },
  });
  if (v.help) return null;
  const faults: FaultInput = { latencyMs: {} };
  const latency = number(v['latency-ms'], '--latency-ms');
  const docLatency = number(v['document-latency-ms'], '--document-latency-ms');
  faults.latencyMs = {
    ...(latency === undefined ? {} : { '*': latency }),
    ...(docLatency === undefined ? {} : { document: docLatency }),
  };
  if (v['rate-limit']) {
    const [rate, burst] = v['rate-limit'].split(':');
    faults.rateLimit = { requestsPerSecond: number(rate, '--rate-limit')!, burst: number(burst, '--rate-limit burst') };
  }
  if (v['error-rate']) faults.errorRate = number(v['error-rate'], '--error-rate');
  if (v['document-bytes-per-second'])
    faults.documentBytesPerSecond = number(v['document-bytes-per-second'], '--document-bytes-per-second');
  return {
    port: number(v.port, '--port') ?? 0,
    host: v.host,
    seed: v.seed,
    extraReports: number(v['extra-reports'], '--extra-reports'),
    processingDelayMs: number(v['processing-delay-ms'], '--processing-delay-ms'),
    documentUrlTtlSeconds: number(v['document-url-ttl'], '--document-url-ttl'),
    maxDateAgeSeconds: number(v['max-date-age'], '--max-date-age'),
    clockOffsetSeconds: number(v['clock-offset'], '--clock-offset'),
    faults,
  };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  if (!opts) {
    console.log(HELP);
    return;
  }
  const emulator = await startEmulator(opts);
  process.stdout.write(
    `${JSON.stringify({
      ready: true,
      url: emulator.url,
      documentHost: emulator.documentHost,
      caCertPath: emulator.caCertPath,
      spkiSha256: emulator.spkiSha256,
    })}\n`,
  );
  const stop = (): void => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
