#!/usr/bin/env node
// Makes sure the browsers of the e2e suites exist: Chromium (BACKSTORY_CHROMIUM, else /usr/bin/chromium)
// and Firefox ESR (BACKSTORY_FIREFOX, else /usr/bin/firefox-esr), and openssl (BACKSTORY_OPENSSL, else
// /usr/bin/openssl: the certificate of the Firefox tests' proxy for GitHub's update hosts). A missing one is installed from
// Debian's packages with apt-get (as root, or with sudo), in one apt run. Playwright's and Puppeteer's
// own browser downloads are not used: they cannot reach their servers on these machines.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const browsers = [
  { name: 'chromium', env: 'BACKSTORY_CHROMIUM', path: process.env.BACKSTORY_CHROMIUM || '/usr/bin/chromium', pkg: 'chromium' },
  { name: 'firefox', env: 'BACKSTORY_FIREFOX', path: process.env.BACKSTORY_FIREFOX || '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
  { name: 'openssl', env: 'BACKSTORY_OPENSSL', path: process.env.BACKSTORY_OPENSSL || '/usr/bin/openssl', pkg: 'openssl' },
];
const missing = [];
for (const b of browsers) {
  if (existsSync(b.path)) console.log(`${b.name}: ${b.path}`);
  else if (process.env[b.env]) {
    console.error(`${b.env}=${b.path} does not exist.`);
    process.exit(1);
  } else missing.push(b);
}
if (!missing.length) process.exit(0);
if (!existsSync('/usr/bin/apt-get')) {
  console.error(
    `Not found: ${missing.map((b) => b.path).join(', ')}, and no apt-get: install them and set ${missing.map((b) => b.env).join(' / ')}.`,
  );
  process.exit(1);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = isRoot ? '' : 'sudo ';
const pkgs = missing.map((b) => b.pkg).join(' ');
console.log(`installing the Debian package(s): ${pkgs} (apt-get)…`);
execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkgs}`, { stdio: 'inherit' });
for (const b of missing) {
  if (!existsSync(b.path)) {
    console.error(`apt-get finished but ${b.path} is still missing.`);
    process.exit(1);
  }
  console.log(`${b.name}: installed at ${b.path}`);
}
