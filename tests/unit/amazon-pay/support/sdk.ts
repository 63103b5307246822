/**
 * Runs the official Amazon Pay Node SDK (2.3.4) without network and records what it signs: the SDK
 * exposes no helper that returns its canonical request, so the strings it feeds to crypto are captured
 * (the method vectors/README.md describes) and its axios call is replaced by a stub.
 */
import { createRequire } from 'node:module';
import type * as NodeCrypto from 'node:crypto';
import { vi } from 'vitest';

const require = createRequire(import.meta.url);
/** The same `crypto` object the SDK's own `require('crypto')` returns, so patching it reaches the SDK. */
const nodeCrypto = require('crypto') as typeof NodeCrypto;
const helper = require('@amazonpay/amazon-pay-api-sdk-nodejs/src/clientHelper.js') as {
  sendRequest: (options: SentRequest, count: number) => Promise<unknown>;
};
const { WebStoreClient } = require('@amazonpay/amazon-pay-api-sdk-nodejs') as {
  WebStoreClient: new (config: SdkConfig) => SdkClient;
};

export interface SdkConfig {
  publicKeyId: string;
  privateKey: string;
  region: string;
  sandbox?: boolean;
  algorithm?: string;
}

type Headers = Record<string, string> | null;

/** The report operations of WebStoreClient. */
export interface SdkClient {
  getReports(query?: Record<string, string | number> | null, headers?: Headers): Promise<unknown>;
  getReportById(reportId: string, headers?: Headers): Promise<unknown>;
  getReportDocument(reportDocumentId: string, headers?: Headers): Promise<unknown>;
  getReportSchedules(reportTypes?: string | string[] | null, headers?: Headers): Promise<unknown>;
  getReportScheduleById(reportScheduleId: string, headers?: Headers): Promise<unknown>;
  createReport(payload: object | string, headers?: Headers): Promise<unknown>;
  createReportSchedule(payload: object | string, headers?: Headers): Promise<unknown>;
  cancelReportSchedule(reportScheduleId: string, headers?: Headers): Promise<unknown>;
  /** The SDK's generic call, which signs any operation (2.3.4 has no Get Disbursements of its own). */
  apiCall(options: {
    method: string;
    urlFragment: string;
    queryParams?: Record<string, string | number>;
    headers?: Headers;
  }): Promise<unknown>;
}

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  data?: string;
}

export interface SdkCapture {
  /** Strings the SDK hashed, in order: the payload, then the canonical request. */
  hashed: string[];
  /** Strings the SDK signed: the string to sign. */
  signed: string[];
  /** The request the SDK would have sent. */
  sent: SentRequest;
}

function recordUpdates<T extends { update: (...args: never[]) => T }>(target: T, into: string[]): T {
  const update = target.update.bind(target);
  target.update = ((data: unknown, ...rest: never[]) => {
    into.push(String(data));
    return update(data as never, ...rest);
  }) as T['update'];
  return target;
}

/** Calls one SDK operation at `fixedClock` and returns what it hashed, signed and would have sent. */
export async function captureSdkRequest(
  config: SdkConfig,
  fixedClock: Date,
  operation: (client: SdkClient) => Promise<unknown>,
): Promise<SdkCapture> {
  const hashed: string[] = [];
  const signed: string[] = [];
  let sent: SentRequest | undefined;
  const createHash = nodeCrypto.createHash;
  const createSign = nodeCrypto.createSign;
  const hashSpy = vi
    .spyOn(nodeCrypto, 'createHash')
    .mockImplementation((algorithm, options) => recordUpdates(createHash(algorithm, options), hashed));
  const signSpy = vi
    .spyOn(nodeCrypto, 'createSign')
    .mockImplementation((algorithm, options) => recordUpdates(createSign(algorithm, options), signed));
  const sendSpy = vi.spyOn(helper, 'sendRequest').mockImplementation((options) => {
    sent = options;
    return Promise.resolve({ status: 200, data: {} });
  });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(fixedClock);
  try {
    await operation(new WebStoreClient(config));
  } finally {
    vi.useRealTimers();
    hashSpy.mockRestore();
    signSpy.mockRestore();
    sendSpy.mockRestore();
  }
  if (!sent) throw new Error('The SDK did not send a request');
  return { hashed, signed, sent };
}
