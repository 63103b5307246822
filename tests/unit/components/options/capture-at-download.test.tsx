/** The capture opt-in asks for exactly the document origin the extension has seen, from the click (issue 16 §1). */
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { CaptureAtDownload } from '@/entrypoints/options/sections/settlements/CaptureAtDownload';
import { rememberDocumentOrigin } from '@/utils/capture/origins';
import { clearPrivateSettings } from '@/tests/unit/helpers/private-settings';
import { expectAccessible } from '../a11y';
import { fakeHostPermissions } from '../../fakes/permissions';

const NA = 'https://tortuga-prod-na.s3-external-1.amazonaws.com';

// Spies stay in place between tests (each test sets its own answers): Preact unmounts a frame late, and the last
// view's listeners are removed through them then.
beforeEach(async () => {
  await clearPrivateSettings();
});

describe('reading settlements as they download', () => {
  it('waits until a document host has been seen', async () => {
    const permissions = fakeHostPermissions();
    render(<CaptureAtDownload />);
    await screen.findByText(/Download a settlement report once/);
    expect(screen.queryByRole('button')).toBeNull();
    expect(permissions.requested).toEqual([]);
  });

  it('asks for that one origin from the click, never the whole pattern, and can withdraw it', async () => {
    await rememberDocumentOrigin(`${NA}/%2FNinetyDays/amzn1.tortuga.3.x?X-Amz-Expires=30`);
    await rememberDocumentOrigin('http://tortuga-prod-na.s3-external-1.amazonaws.com/plain-http');
    await rememberDocumentOrigin('https://evil.example/doc');
    const permissions = fakeHostPermissions();
    const { container } = render(<CaptureAtDownload />);
    await screen.findByText(`Settlements downloaded from ${new URL(NA).host} are saved as files only.`);
    await expectAccessible(container);
    fireEvent.click(screen.getByRole('button', { name: 'Read them too' }));
    expect(permissions.requested).toEqual([[`${NA}/*`]]);
    await screen.findByText(/are also read into this list/);
    fireEvent.click(screen.getByRole('button', { name: 'Stop reading them' }));
    await screen.findByText(/are saved as files only/);
    expect(permissions.removed).toEqual([[`${NA}/*`]]);
  });

  it('says so when the browser does not allow it', async () => {
    await rememberDocumentOrigin(`${NA}/%2FNinetyDays/doc`);
    fakeHostPermissions([], 'deny');
    render(<CaptureAtDownload />);
    fireEvent.click(await screen.findByRole('button', { name: 'Read them too' }));
    await screen.findByText(/The browser did not allow it/);
  });
});
