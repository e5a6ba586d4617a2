/** The core suite (tests/e2e/shared/core-suite.ts) in Firefox ESR, the add-on installed temporarily. */
import { coreSuite } from '../e2e/shared/core-suite';
import { firefoxDriver } from './driver';

coreSuite(firefoxDriver);
