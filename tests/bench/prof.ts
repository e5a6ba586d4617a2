import { launch } from '../e2e/harness';
import { repoPage, manyLinksReadme } from '../fixtures/github';
const url = 'https://github.com/torvalds/linux';
const h = await launch();
h.serve(url, repoPage({ owner: 'torvalds', name: 'linux', readme: manyLinksReadme(Number(process.env.N ?? 0), []) }));
for (let i = 0; i < 3; i++) { const p = await h.open(url); await p.waitForTimeout(300); await p.close(); }
const self = new Map<string, number>();
for (let rep = 0; rep < 10; rep++) {
const p = await h.context.newPage();
const cdp = await h.context.newCDPSession(p);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 25 });
await cdp.send('Profiler.start');
await p.goto(url);
await p.waitForTimeout(600);
const { profile } = await cdp.send('Profiler.stop');
await p.close();
const dt = profile.timeDeltas!; const samples = profile.samples!;
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const counts = new Map<number, number>();
samples.forEach((s: number, i: number) => counts.set(s, (counts.get(s) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of counts) { const n: any = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`; self.set(key, (self.get(key) ?? 0) + us / 10); }
}
console.log([...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(2)}ms ${k}`).join('\n'));
await h.close();
