import { useState } from 'preact/hooks';
import type { AccountView } from '@/utils/messaging/protocol';
import { AccountPicker } from '@/components/AccountPicker';
import { AccountGate } from '../../AccountGate';
import { OnDemandReports } from './OnDemandReports';
import { Schedules } from './Schedules';

export function ReportsSection() {
  return <AccountGate>{(accounts) => <AccountReports accounts={accounts} />}</AccountGate>;
}

function AccountReports({ accounts }: { accounts: AccountView[] }) {
  const [accountId, setAccountId] = useState(accounts[0]!.id);
  const account = accounts.find((a) => a.id === accountId)!;
  return (
    <div>
      <AccountPicker labelled accounts={accounts} selectedId={accountId} onSelect={setAccountId} />
      <OnDemandReports key={`reports-${account.id}`} account={account} />
      <Schedules key={`schedules-${account.id}`} account={account} />
    </div>
  );
}
