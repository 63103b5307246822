/** Report files, rendered lazily and deterministically, kept in a bounded cache; their digests are remembered. */
import { createHash } from 'node:crypto';
import { reportText } from './csv';
import { createRng } from './prng';
import type { ReportRecord } from './reports';
import type { MerchantStore } from './store';

export interface DocumentInfo {
  reportId: string;
  sha256: string;
  size: number;
  md5: string;
}

const CACHE_BYTES = 64 << 20;

export class DocumentFiles {
  private cache = new Map<string, Buffer>();
  private cachedBytes = 0;
  private infos = new Map<string, DocumentInfo>();

  constructor(private readonly seed: string) {}

  content(store: MerchantStore, report: ReportRecord): Buffer {
    const id = report.reportDocumentId;
    const hit = this.cache.get(id);
    if (hit) {
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const seed = `${this.seed}:${id}`;
    const context = {
      seed,
      rng: createRng(seed),
      sellerId: store.sellerId,
      region: store.merchant.region,
      storeName: 'Emulator Demo Store',
    };
    const body = Buffer.from(reportText(report, context), 'utf8');
    this.remember(id, body);
    if (!this.infos.has(id)) {
      this.infos.set(id, {
        reportId: report.reportId,
        size: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
        md5: createHash('md5').update(body).digest('hex'),
      });
    }
    return body;
  }

  info(store: MerchantStore, report: ReportRecord): DocumentInfo {
    const known = this.infos.get(report.reportDocumentId);
    if (known) return known;
    this.content(store, report);
    return this.infos.get(report.reportDocumentId)!;
  }

  clear(): void {
    this.cache.clear();
    this.cachedBytes = 0;
    this.infos.clear();
  }

  /** Least recently used files leave first once the cache passes its byte budget. */
  private remember(id: string, body: Buffer): void {
    this.cache.set(id, body);
    this.cachedBytes += body.length;
    for (const [oldId, old] of this.cache) {
      if (this.cachedBytes <= CACHE_BYTES || oldId === id) break;
      this.cache.delete(oldId);
      this.cachedBytes -= old.length;
    }
  }
}
