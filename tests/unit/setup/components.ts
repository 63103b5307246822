import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';
import './ui-language';

export { setUiLanguage } from './ui-language';

afterEach(cleanup);
