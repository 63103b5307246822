import { t } from '@/utils/i18n';
import type { Check } from '@/utils/ledger/checks';
import { Light } from '@/components/Light';
import { formatMinor } from '@/utils/views/money';

const lines = (list: number[]) => (list.length > 0 ? list.join(', ') : '–');
/** " (lines 8, 15)" after a count, or nothing when the count is 0 (no empty "(lines –)"). */
const lineSuffix = (list: number[]) => (list.length > 0 ? t('ledgerCheckLines', list.join(', ')) : '');

/** Each check with its light and the numbers behind it. */
export function CheckLines({ checks, currency }: { checks: Check[]; currency: string }) {
  const money = (minor: number) => formatMinor(minor, currency);
  return (
    <ul class="ledger-checks">
      {checks.map((check) => (
        <li key={check.kind}>
          <Light light={check.light} /> {describe(check, money)}
        </li>
      ))}
    </ul>
  );
}

function describe(check: Check, money: (minor: number) => string): string {
  switch (check.kind) {
    case 'row-arithmetic':
      return t('ledgerCheckRows', [
        check.rows,
        check.netMismatches.length,
        lineSuffix(check.netMismatches),
        check.feeMismatches.length,
        lineSuffix(check.feeMismatches),
      ]);
    case 'header-rows':
      return [
        t('ledgerCheckHeader', [
          check.outsidePeriod.length,
          lineSuffix(check.outsidePeriod),
          check.duplicates.length,
          lineSuffix(check.duplicates),
        ]),
        check.missingPeriod ? t('ledgerCheckNoPeriod') : '',
      ].join(' ');
    case 'payout-identity': {
      const numbers = t('ledgerCheckPayout', [money(check.activity), money(check.payout), money(check.carry)]);
      const explanation = {
        balanced: () => t('ledgerExplainBalanced'),
        'negative-balance': () => t('ledgerExplainNegative'),
        'pays-previous': () => t('ledgerExplainPrevious', check.neighbour ?? ''),
        'paid-by-next': () => t('ledgerExplainNext', check.neighbour ?? ''),
        unexplained: () => t('ledgerExplainUnexplained', [money(check.carry), lines(check.candidates)]),
      }[check.explanation]();
      return `${numbers} ${explanation}`;
    }
  }
}
