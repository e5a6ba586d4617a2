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

/**
 * Links an answer to the notice it answers. Stated links (the text cites the notice's URL, resolved
 * against the corpus's file names) win; otherwise the latest earlier notice naming one of the same
 * repos, or else from the same party as the file names spell them — marked inferred. The file name's
 * party only links; it is never stored as who sent or filed anything.
 */
export function linkAnswers(parsed: readonly ParsedNotice[]): BuildNotice[] {
  const byRepo = new Map<string, ParsedNotice[]>();
  const byParty = new Map<string, ParsedNotice[]>();
  const known = new Map(parsed.map((p) => [p.path.toLowerCase(), p.path]));
  for (const p of parsed) {
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
      let best: ParsedNotice | undefined;
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
      repos: p.repos,
      originals: p.originals,
      refersTo,
    };
  });
}
