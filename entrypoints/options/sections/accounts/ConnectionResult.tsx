import { Notice } from '@/components/Notice';
import { t, type MessageKey } from '@/utils/i18n';
import type { ConnectionVerdict } from '@/utils/messaging/protocol';
import { errorText } from '@/utils/views/error-text';

interface Difference {
  line: number;
  theirs: string;
  ours: string;
}

/** The verdict of "Test connection", precise enough to act on; a signature mismatch opens the doctor view. */
export function ConnectionResult({ verdict }: { verdict: ConnectionVerdict }) {
  if (verdict.ok) {
    return (
      <Notice tone="info" title={t('connectionOk')}>
        {Math.abs(verdict.clockSkewSeconds) >= 2
          ? t('clockCorrected', Math.abs(verdict.clockSkewSeconds))
          : t('connectionOkBody')}
      </Notice>
    );
  }
  const { error } = verdict;
  const details = (error.details ?? {}) as {
    theirStringToSign?: string;
    ourStringToSign?: string;
    difference?: Difference;
    requestId?: string;
  };
  return (
    <div>
      <Notice tone="error" title={t(verdictTitle(error.code))}>
        {errorText(error)}
        {details.requestId && <div class="hint">{t('amazonRequestId', details.requestId)}</div>}
      </Notice>
      {error.code === 'signature-mismatch' && details.theirStringToSign && details.ourStringToSign && (
        <SignatureDoctor
          theirs={details.theirStringToSign}
          ours={details.ourStringToSign}
          difference={details.difference}
        />
      )}
    </div>
  );
}

function verdictTitle(code: string): MessageKey {
  switch (code) {
    case 'signature-mismatch':
      return 'verdictWrongKey';
    case 'clock-skew':
      return 'verdictClock';
    case 'unauthorized':
      return 'verdictUnknownKey';
    case 'account-inactive':
      return 'verdictAccountInactive';
    case 'network':
      return 'verdictNetwork';
    case 'key-missing':
      return 'keyMissingTitle';
    default:
      return 'verdictFailed';
  }
}

function SignatureDoctor({ theirs, ours, difference }: { theirs: string; ours: string; difference?: Difference }) {
  const lines = (text: string) =>
    text.split('\n').map((line, i) => (
      <div key={i} class={difference && i + 1 === difference.line ? 'differs' : undefined}>
        {line || '\u00a0'}
      </div>
    ));
  return (
    <section aria-label={t('doctorTitle')}>
      <p class="hint">{difference ? t('doctorDiffers', difference.line) : t('doctorSame')}</p>
      <div class="doctor">
        <div>
          <strong>{t('doctorTheirs')}</strong>
          <pre>{lines(theirs)}</pre>
        </div>
        <div>
          <strong>{t('doctorOurs')}</strong>
          <pre>{lines(ours)}</pre>
        </div>
      </div>
    </section>
  );
}
