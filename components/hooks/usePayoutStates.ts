import { useEffect, useState } from 'preact/hooks';
import { type PayoutState, readPayoutStates } from '@/utils/bank/bank-store';

/** Each settlement's payout state at the last bank match (empty until a statement is imported). */
export function usePayoutStates(): Record<string, PayoutState> {
  const [states, setStates] = useState<Record<string, PayoutState>>({});
  useEffect(() => {
    let live = true;
    readPayoutStates()
      .then((read) => live && setStates(read))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return states;
}
