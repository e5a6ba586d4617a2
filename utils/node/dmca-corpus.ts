/**
 * From a github/dmca checkout to the inputs of the compact index: walk the notice files, parse each,
 * and link every counter-notice, retraction and reversal to the notice it answers. Node only
 * (maintainer command and corpus tests); never bundled.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BuildNotice } from '../dmca/index-format';
import { parseNotice, resolveCitation, type ParsedNotice } from '../dmca/parser';

/** Notice files of a checkout: everything under the year folders (not .github/, data/, README…). */
export function noticeFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(md|markdown|MD)$|\.\s+md$|^[^.]+$|\.com$/.test(f)) out.push(relative(root, p).split('\\').join('/'));
    }
  };
  for (const y of readdirSync(root).sort()) if (/^\d{4}$/.test(y) && statSync(join(root, y)).isDirectory()) walk(join(root, y));
  return out;
}

export function parseCorpus(root: string): ParsedNotice[] {
  return noticeFiles(root).map((f) => parseNotice(f, readFileSync(join(root, f), 'utf8')));
}

const ANSWERS = new Set(['counter-notice', 'retraction', 'reversal']);

/** A file's name without its date and extension, lower-case: `2017-02-21-Galleria-5-Retraction.md` → `galleria-5-retraction`. */
const fileKey = (path: string) =>
  (path.split('/').pop() ?? path)
    .replace(/\.\s*(?:md|markdown)$/i, '')
    .replace(/^\d{4}-\d{2}-\d{2}-?/, '')
    .toLowerCase();
/**
 * The name of the file an answer answers, as GitHub names answers after it: `galleria-5-retraction` →
 * `galleria-5`, `aws-counternotice-retraction` → `aws-counternotice` (a retraction of the counter-notice).
 */
const answeredKey = (path: string) =>
  fileKey(path).replace(/[-_ ]+(?:retraction|retract|reversal|counter[-_ ]?n*otice|counter)(?:[-_ ]?\d+)?$/, '');

/**
 * Links an answer to the notice it answers. Stated links (the text cites the notice's URL, resolved
 * against the corpus's file names) win; otherwise the latest earlier notice naming one of the same
 * repos, or else from the same party as the file names spell them — marked inferred. The file name's
 * party only links; it is never stored as who sent or filed anything.
 */
export function linkAnswers(parsed: readonly ParsedNotice[]): BuildNotice[] {
  const byRepo = new Map<string, ParsedNotice[]>();
  const byParty = new Map<string, ParsedNotice[]>();
  const byKey = new Map<string, ParsedNotice[]>();
  const known = new Map(parsed.map((p) => [p.path.toLowerCase(), p.path]));
  for (const p of parsed) {
    byKey.set(fileKey(p.path), [...(byKey.get(fileKey(p.path)) ?? []), p]);
    if (p.kind !== 'takedown') continue;
    for (const r of p.repos) byRepo.set(r.name, [...(byRepo.get(r.name) ?? []), p]);
    const party = p.fileParty.toLowerCase();
    if (party) byParty.set(party, [...(byParty.get(party) ?? []), p]);
  }
  const latestBefore = (list: readonly ParsedNotice[] | undefined, p: ParsedNotice) => {
    let best: ParsedNotice | undefined;
    for (const c of list ?? [])
      if (c.path !== p.path && c.date <= p.date && (!best || c.date > best.date || (c.date === best.date && c.path > best.path))) best = c;
    return best;
  };
  return parsed.map((p) => {
    let refersTo: BuildNotice['refersTo'] = p.refersTo.flatMap((r) => {
      const path = resolveCitation(r.path, known);
      return path && path !== p.path ? [{ path, inferred: false, line: r.line }] : [];
    });
    if (!refersTo.length && ANSWERS.has(p.kind)) {
      // The file GitHub named it after (`…-Galleria-5-Retraction` answers `…-Galleria-5`), else shared repos, else the party.
      const key = answeredKey(p.path);
      const names = new Set(p.repos.map((r) => r.name));
      const sameRepos = (c: ParsedNotice) => !names.size || c.repos.some((r) => names.has(r.name));
      let best: ParsedNotice | undefined = key !== fileKey(p.path) ? latestBefore(byKey.get(key)?.filter(sameRepos), p) : undefined;
      if (!best)
        for (const r of p.repos) {
          const c = latestBefore(byRepo.get(r.name), p);
          if (c && (!best || c.date > best.date || (c.date === best.date && c.path > best.path))) best = c;
        }
      best ??= latestBefore(byParty.get(p.fileParty.toLowerCase()), p);
      if (best) refersTo = [{ path: best.path, inferred: true, line: null }];
    }
    return {
      path: p.path,
      date: p.date,
      textDate: p.textDate,
      kind: p.kind,
      sender: p.sender,
      principal: p.principal,
      filer: p.filer,
      fileParty: p.fileParty,
      network: p.network,
      gists: p.gists.length,
      scope: p.scope,
      changesOffered: p.changesOffered,
      asks: p.asks,
      repos: p.repos,
      originals: p.originals,
      refersTo,
    };
  });
}
