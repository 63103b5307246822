/** Get Disbursements: payouts whose time lies in [startTime, endTime], oldest first, paged like Get Reports. */
import { ApiError } from '../http';
import { disbursementsOf, wireAmount } from '../disbursements';
import { decodeToken, encodeToken, type PageQuery } from '../pagination';
import type { Operation } from './operation';
import { date, invalidParameter, single } from './params';

const PARAMETERS = ['startTime', 'endTime', 'pageSize', 'nextToken'];

function pageQuery(op: Operation, account: string): PageQuery {
  const token = single(op.params, 'nextToken');
  if (token !== undefined) {
    if (op.params.some(([n]) => n !== 'nextToken' && PARAMETERS.includes(n))) {
      throw new ApiError(
        400,
        'InvalidParameterCombination',
        'nextToken must be the only parameter when it is specified.',
      );
    }
    const query = decodeToken(op.state.secret, account, token);
    if (!query) throw invalidParameter('nextToken', token);
    return query;
  }
  const start = single(op.params, 'startTime');
  const end = single(op.params, 'endTime');
  if (start === undefined || end === undefined)
    throw new ApiError(400, 'MissingParameterValue', 'The startTime and endTime parameters are required.');
  const since = date(start, 'startTime');
  const until = date(end, 'endTime');
  if (since > until) throw new ApiError(400, 'InvalidParameterValue', 'startTime must not be after endTime.');
  const sizeText = single(op.params, 'pageSize') ?? '10';
  const pageSize = Number(sizeText);
  if (!/^\d+$/.test(sizeText) || pageSize < 1 || pageSize > 100) throw invalidParameter('pageSize', sizeText);
  return { types: null, statuses: null, since, until, pageSize, after: null };
}

export function getDisbursements(op: Operation) {
  const account = `${op.store.key}|disbursements`;
  const q = pageQuery(op, account);
  const matching = disbursementsOf(op.store)
    .filter((d) => d.transactionTime >= q.since && d.transactionTime <= q.until && d.transactionTime <= op.now)
    .filter(
      (d) =>
        !q.after ||
        d.transactionTime > q.after[0] ||
        (d.transactionTime === q.after[0] && d.amazonDisbursementReferenceId > q.after[1]),
    );
  const page = matching.slice(0, q.pageSize);
  const body: Record<string, unknown> = {
    disbursements: page.map((d) => ({
      sellerId: d.sellerId,
      settlementId: d.settlementId,
      amazonDisbursementReferenceId: d.amazonDisbursementReferenceId,
      amount: wireAmount(d),
      currencyCode: d.currencyCode,
      transactionTime: new Date(d.transactionTime).toISOString(),
    })),
  };
  const last = page.at(-1);
  if (matching.length > q.pageSize && last) {
    body.nextToken = encodeToken(op.state.secret, account, {
      ...q,
      after: [last.transactionTime, last.amazonDisbursementReferenceId],
    });
  }
  return { status: 200, body };
}
