import { useEffect, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { t } from '@/utils/i18n';
import { keyStorageProblem } from '@/utils/keys/keystore';
import type { KeyStorageProblem } from '@/utils/keys/storage-problem';

/**
 * Says up front when this browser cannot keep keys (and, in private mode, any extension data) across restarts.
 * In private mode the background keeps the report list and the download queue in memory, so they work until the
 * browser closes; the notice says what is forgotten then.
 */
export function KeyStorageNotice() {
  const [problem, setProblem] = useState<KeyStorageProblem>();
  useEffect(() => {
    // Any other failure is not this notice's to explain; the action that hits it reports it.
    void keyStorageProblem().then(setProblem, () => undefined);
  }, []);

  if (problem === 'private-mode') {
    return (
      <Notice tone="warning" title={t('privateModeTitle')}>
        {t('privateModeBody')}
      </Notice>
    );
  }
  if (problem === 'key-not-storable') {
    return (
      <Notice tone="warning" title={t('keySessionOnlyTitle')}>
        {t('keySessionOnlyBody')}
      </Notice>
    );
  }
  return null;
}
