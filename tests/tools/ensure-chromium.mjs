#!/usr/bin/env node
// Makes sure a Chromium exists for the e2e tests: BACKSTORY_CHROMIUM, else /usr/bin/chromium,
// else installs Debian's `chromium` package with apt-get (as root). Playwright's own browser
// download is not used: it cannot reach its servers on these machines.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const wanted = process.env.BACKSTORY_CHROMIUM || '/usr/bin/chromium';
if (existsSync(wanted)) {
  console.log(`chromium: ${wanted}`);
  process.exit(0);
}
if (process.env.BACKSTORY_CHROMIUM) {
  console.error(`BACKSTORY_CHROMIUM=${wanted} does not exist.`);
  process.exit(1);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!hasApt) {
  console.error('No Chromium at /usr/bin/chromium and no apt-get: install Chromium and set BACKSTORY_CHROMIUM to its path.');
  process.exit(1);
}
const sudo = isRoot ? '' : 'sudo ';
console.log('chromium: not found, installing the Debian package (apt-get install chromium)…');
execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' });
if (!existsSync('/usr/bin/chromium')) {
  console.error('apt-get finished but /usr/bin/chromium is still missing.');
  process.exit(1);
}
console.log('chromium: installed at /usr/bin/chromium');
