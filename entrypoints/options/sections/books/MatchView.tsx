import type { AccountMatch } from '@/utils/bank/account-match';
import type { Decision, Match, MatchRule } from '@/utils/bank/match';
import { t, type MessageKey } from '@/utils/i18n';
import { formatMinor } from '@/utils/views/money';
import { EmptyRow } from '@/components/EmptyRow';

interface Props {
  match: AccountMatch;
  onDecide(decision: Decision): void;
  onExport(): void;
}

const RULE: Record<MatchRule, MessageKey> = {
  confirmed: 'matchRuleConfirmed',
  reference: 'matchRuleReference',
  'amount-window': 'matchRuleAmountWindow',
  combination: 'matchRuleCombination',
};

/** Matched and suggested pairs, then what is unmatched on each side with its age; decisions are kept. */
export function MatchView({ match, onDecide, onExport }: Props) {
  const { result } = match;
  const pairRows = (list: Match[], suggested: boolean) =>
    list.map((m) => {
      const payouts = m.payoutKeys.map((k) => match.payouts.get(k)!);
      const entries = m.entryIds.map((id) => match.entries.get(id)!);
      const decide = (verdict: Decision['verdict']) => {
        for (const p of payouts) for (const e of entries) onDecide({ payoutKey: p.key, entryId: e.id, verdict });
      };
      const name = payouts.map((p) => p.settlementId).join(', ');
      return (
        <tr key={`${m.payoutKeys.join()}-${m.entryIds.join()}`}>
          <td>{name}</td>
          <td class="num">{payouts.map((p) => formatMinor(p.amountMinor, p.currency)).join(' + ')}</td>
          <td>{payouts.map((p) => p.postedDate).join(', ')}</td>
          <td>{entries.map((e) => e.bookingDate).join(', ')}</td>
          <td>{entries.map((e) => e.counterparty || e.remittance).join(', ')}</td>
          <td>{t(RULE[m.rule])}</td>
          <td class="row-actions">
            {suggested && (
              <button type="button" onClick={() => decide('confirmed')} aria-label={t('matchConfirmFor', name)}>
                {t('matchConfirm')}
              </button>
            )}
            <button type="button" onClick={() => decide('rejected')} aria-label={t('matchRejectFor', name)}>
              {t('matchReject')}
            </button>
          </td>
        </tr>
      );
    });
  const pairTable = (caption: MessageKey, list: Match[], suggested: boolean) => (
    <div class="table-scroll">
      <table class="data match-table">
        <caption>{t(caption, list.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matchSettlement')}</th>
            <th scope="col">{t('matchPayout')}</th>
            <th scope="col">{t('matchPosted')}</th>
            <th scope="col">{t('matchBooked')}</th>
            <th scope="col">{t('matchBankText')}</th>
            <th scope="col">{t('matchRule')}</th>
            <th scope="col">{t('matchActions')}</th>
          </tr>
        </thead>
        <tbody>{list.length > 0 ? pairRows(list, suggested) : <EmptyRow columns={7} />}</tbody>
      </table>
    </div>
  );
  return (
    <section class="match-view" aria-label={t('matchTitle')}>
      <div class="card-actions">
        <button type="button" onClick={onExport}>
          {t('matchExportCsv')}
        </button>
      </div>
      {pairTable('matchMatched', result.matches, false)}
      {pairTable('matchSuggested', result.suggestions, true)}
      <div class="table-scroll">
        <table class="data match-table">
          <caption>{t('matchUnmatchedPayouts', result.unmatchedPayouts.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('matchSettlement')}</th>
              <th scope="col">{t('matchPayout')}</th>
              <th scope="col">{t('matchPosted')}</th>
              <th scope="col">{t('matchAge')}</th>
            </tr>
          </thead>
          <tbody>
            {result.unmatchedPayouts.length === 0 && <EmptyRow columns={4} />}
            {result.unmatchedPayouts.map(({ payout, ageBusinessDays, state }) => (
              <tr key={payout.key} class={`payout-${state}`}>
                <td>{payout.settlementId}</td>
                <td class="num">{formatMinor(payout.amountMinor, payout.currency)}</td>
                <td>{payout.postedDate}</td>
                <td>{t(state === 'waiting' ? 'matchAgeWaiting' : 'matchAgeLate', ageBusinessDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="table-scroll">
        <table class="data match-table">
          <caption>{t('matchUnmatchedCredits', result.unmatchedCredits.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('matchBooked')}</th>
              <th scope="col">{t('matchAmount')}</th>
              <th scope="col">{t('matchBankText')}</th>
              <th scope="col">{t('matchAge')}</th>
            </tr>
          </thead>
          <tbody>
            {result.unmatchedCredits.length === 0 && <EmptyRow columns={4} />}
            {result.unmatchedCredits.map(({ entry, ageDays }) => (
              <tr key={entry.id}>
                <td>{entry.bookingDate}</td>
                <td class="num">{formatMinor(entry.amountMinor, entry.currency)}</td>
                <td>
                  {entry.counterparty} {entry.remittance}
                </td>
                <td>{t('matchAgeDays', ageDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.otherCredits > 0 && <p class="hint">{t('matchOtherCredits', result.otherCredits)}</p>}
    </section>
  );
}
