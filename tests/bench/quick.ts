// quick: measure added ScriptDuration on unrelated page for current build vs floor, 5 runs
import { launch } from '../e2e/harness';
import { repoPage, manyLinksReadme } from '../fixtures/github';
const url = 'https://github.com/torvalds/linux';
const html = repoPage({ owner: 'torvalds', name: 'linux', readme: manyLinksReadme(Number(process.env.N ?? 300), []) });
const h = await launch({ extensionDir: process.env.EXT || undefined });
h.serve(url, html);
const xs: number[] = [];
for (let i = 0; i < 8; i++) {
  const p = await h.context.newPage();
  const cdp = await h.context.newCDPSession(p);
  await cdp.send('Performance.enable');
  await p.goto(url, { waitUntil: 'domcontentloaded' });
  await p.waitForTimeout(800);
  const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x: any) => [x.name, x.value]));
  xs.push(m.ScriptDuration * 1000);
  await p.close();
}
xs.sort((a, b) => a - b);
console.log('median script ms', xs[4]!.toFixed(2), xs.map((x) => x.toFixed(1)).join(' '));
await h.close();
