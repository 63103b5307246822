import { render } from 'preact';
import { watchAccounts } from '@/utils/accounts/store';
import { forgetFirstPaint } from '@/utils/views/first-paint';
import { App } from './App';
import { keepSettlementsList } from './kept-list';

export function mount(): void {
  // The kept screens must not show an account that was removed or renamed here, or its settlements.
  watchAccounts(() => forgetFirstPaint());
  const app = document.getElementById('app')!;
  keepSettlementsList(app);
  render(<App />, app);
}
