/** The core suite (tests/e2e/shared/core-suite.ts) in Chromium; the same suite runs in Firefox (tests/firefox/core.test.ts). */
import { coreSuite } from './shared/core-suite';
import { chromiumDriver } from './shared/chromium';

coreSuite(chromiumDriver);
