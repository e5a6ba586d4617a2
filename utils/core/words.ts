/**
 * The words more than one surface uses — the status line (panel and popup), badge hints (background),
 * dates, plurals, the labels of notice kinds and relations — from the structured facts the background
 * sends (utils/core/model.ts). Pure. A sentence only one component shows is worded in that component.
 */
import type { BadgeFacts, NoticeKind, NoticePanel, NoticeRef, Outcome, PanelData, Relation, RepoPanel, ThreadPanel } from './model';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2023-03-21` → `Mar 21, 2023`. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** `21856` → `21,856` (no Intl: its first use costs tens of ms in a fresh content-script world, measured). */
export const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
export const plural = (n: number, one: string, many = `${one}s`) => `${grouped(n)} ${n === 1 ? one : many}`;

/** One label per kind, in running text ("the DMCA takedown notice of …"). */
export const KIND_LABEL: Record<NoticeKind, string> = {
  takedown: 'DMCA takedown notice',
  'counter-notice': 'counter-notice',
  retraction: 'retraction',
  reversal: 'reversal',
  legal: 'notice of legal action',
  other: 'document',
};
export const kindTitle = (k: NoticeKind) => capital(KIND_LABEL[k]);

export const RELATION_LABEL: Record<Relation, string> = {
  'named-in-notice': 'DMCA notice',
  'counter-noticed': 'Counter-notice',
  discussed: 'Discussed on HN',
  llama: 'LLaMA',
};

/** " from X" when the record names who sent it. */
const from = (n: NoticeRef) => (n.party ? ` from ${n.party.value}` : '');
/** "DMCA takedown notice of 2023-03-21 from X" */
const noticeOf = (n: NoticeRef) => `${KIND_LABEL[n.kind]} of ${n.date}${from(n)}`;
/** "the DMCA takedown notice of 2023-03-21 from X" */
export const noticePhrase = (n: NoticeRef) => `the ${noticeOf(n)}`;
/** The outcome's state as a short label (the status line's lead). */
export const OUTCOME_LABEL: Record<Outcome['state'], string> = {
  disabled: 'Disabled',
  disputed: 'Disputed',
  reinstated: 'Reinstated',
  none: 'Not disabled',
};

/** The panel's title line: a notice page shows its kind and file name. */
export function panelTitle(p: PanelData): string {
  return p.kind === 'notice' ? `${kindTitle(p.notice.kind)}: ${p.title}` : p.title;
}

/** A link badge's tooltip (and accessible name), without the "Backstory:" prefix the badge adds. */
export function badgeHint(f: BadgeFacts): string {
  switch (f.kind) {
    case 'repo': {
      const parts: string[] = [];
      const [latest] = f.takedowns;
      if (f.takedowns.length > 1) parts.push(`named in ${f.takedowns.length} DMCA notices, the latest of ${latest!.date}${from(latest!)}`);
      else if (latest) parts.push(`named in ${noticePhrase(latest)}${f.original ? ' (as the original work)' : ''}`);
      else if (f.answer) parts.push(`named in a ${KIND_LABEL[f.answer.kind]} of ${f.answer.date}${from(f.answer)}`);
      if (f.disputed) parts.push('disputed by a counter-notice');
      if (f.discussed) parts.push('discussed on Hacker News');
      if (!parts.length && f.llama) parts.push('LLaMA-related');
      return `${f.repo} — ${parts.join(', ')}`;
    }
    case 'notice':
      return `${capital(noticeOf(f.notice))} — ${plural(f.repoCount, 'repository', 'repositories')} named${f.disputed ? ', disputed by a counter-notice' : ''}`;
    case 'thread':
      return `“${f.title}” (${plural(f.commentCount, 'comment')})`;
    case 'related-thread':
      return `${f.title} — ${f.note}`;
    case 'detected':
      return `likely LLaMA-related — ${f.signals.join('; ')}`;
  }
}

/** A party's name without its legal form, for the status line ("Meta Platforms, Inc." → "Meta Platforms"). */
export function shortParty(name: string): string {
  return name.replace(
    /,?\s+(?:Inc\.?|Incorporated|LLC|L\.L\.C\.|Ltd\.?|Limited|Corp\.?|Corporation|GmbH|S\.A\.?|B\.V\.?|Co\.,? Ltd\.?)$/i,
    '',
  );
}

/** How the status line is coloured: by this subject's own record only. */
export type StatusTone = 'dmca' | 'disputed' | 'ok' | 'hn' | 'neutral';

/** The panel's one line: a lead word or two, then short facts (the details open on demand). */
export interface StatusLine {
  tone: StatusTone;
  lead: string;
  parts: string[];
}

const fromShort = (n: NoticeRef) => (n.party ? ` from ${shortParty(n.party.value)}` : '');
/** "HN: 320 points, 204 comments" for the first thread that discusses it. */
const hnPart = (threads: readonly { points: number; commentCount: number }[]) =>
  threads[0] ? [`HN: ${plural(threads[0].points, 'point')}, ${plural(threads[0].commentCount, 'comment')}`] : [];

function repoNone(p: RepoPanel): StatusLine {
  if (p.match.via === 'detected')
    return {
      tone: 'neutral',
      lead: 'May be related',
      parts: [`to ${p.story ?? 'a story Backstory knows'}`, ...p.match.signals.slice(0, 1)],
    };
  const original = p.notices.find((n) => n.role === 'original');
  if (original)
    return {
      tone: 'neutral',
      lead: 'Named as the original work',
      parts: [`in a DMCA notice${fromShort(original.card)} · ${formatDate(original.card.date)}`],
    };
  const answer = p.notices.find((n) => n.role === 'answer');
  if (answer)
    return {
      tone: 'neutral',
      lead: 'Named in an answer',
      parts: [`to a DMCA notice${fromShort(answer.card)} · ${formatDate(answer.card.date)}`],
    };
  if (p.threads.length)
    return {
      tone: 'hn',
      lead: 'Discussed on Hacker News',
      parts: [`“${p.threads[0]!.title}”`, ...hnPart(p.threads).map((x) => x.slice(4))],
    };
  return { tone: 'neutral', lead: 'LLaMA-related', parts: p.story ? [`part of ${p.story}`] : [] };
}

export function repoStatus(p: RepoPanel): StatusLine {
  const o = p.outcome;
  if (p.takedownPage && !p.takedownPage.known)
    return {
      tone: 'dmca',
      lead: 'Disabled',
      parts: [`by a DMCA notice of ${formatDate(p.takedownPage.notice.date)}, newer than Backstory's copy of github/dmca`],
    };
  if (o.state === 'none' || !o.notice) return repoNone(p);
  const notice = `DMCA notice${fromShort(o.notice)} · ${formatDate(o.notice.date)}`;
  const hn = hnPart(p.threads);
  const more = o.others ? [`named in ${plural(o.others, 'other notice')}`] : [];
  const via = o.viaRoot ? [`with its fork network (${o.viaRoot})`] : [];
  switch (o.state) {
    case 'disabled':
      return { tone: 'dmca', lead: 'Disabled', parts: [...via, notice, ...more, ...hn] };
    case 'disputed':
      return { tone: 'disputed', lead: 'Disputed', parts: [notice, `counter-notice · ${formatDate(o.by!.date)}`, ...more, ...hn] };
    case 'reinstated':
      return {
        tone: 'ok',
        lead: 'Reinstated',
        parts: [
          o.by?.kind === 'reversal'
            ? `GitHub reversed the ${notice.replace(' · ', ' of ')}`
            : `the sender retracted the ${notice.replace(' · ', ' of ')}${o.viaRoot ? '' : ' for this repository'}`,
          formatDate(o.by!.date),
          ...hn,
        ],
      };
  }
}

export function noticeStatus(p: NoticePanel): StatusLine {
  const n = p.notice;
  const party = n.party ? [`from ${shortParty(n.party.value)}`] : [];
  const scope =
    n.kind === 'takedown' ? [n.repoCount ? `names ${plural(n.repoCount, 'repository', 'repositories')}` : 'names no repository'] : [];
  const reversed = n.answers.find((a) => a.kind === 'reversal' || a.kind === 'retraction');
  const countered = n.answers.find((a) => a.kind === 'counter-notice');
  const answer = reversed
    ? [`${reversed.kind === 'reversal' ? 'reversed by GitHub' : 'retracted'} · ${formatDate(reversed.date)}`]
    : countered
      ? [`disputed by a counter-notice · ${formatDate(countered.date)}`]
      : [];
  const answers = p.answers[0] ? [`answers the ${KIND_LABEL[p.answers[0].card.kind]} of ${formatDate(p.answers[0].card.date)}`] : [];
  const tone: StatusTone =
    n.kind === 'takedown' ? (reversed ? 'ok' : countered ? 'disputed' : 'dmca') : n.kind === 'counter-notice' ? 'disputed' : 'neutral';
  return { tone, lead: kindTitle(n.kind), parts: [...party, formatDate(n.date), ...scope, ...answer, ...answers, ...hnPart(p.threads)] };
}

export function threadStatus(p: ThreadPanel): StatusLine {
  const t = p.threads[0];
  if (!t) return { tone: 'hn', lead: 'Backstory', parts: [] };
  const main = t.topics.filter((x) => !x.tangent).length;
  const tangents = t.topics.length - main;
  const comments = t.outline?.length ?? t.commentCount;
  return {
    tone: 'hn',
    lead: 'Backstory outline',
    parts: [
      `${plural(comments, 'comment')} in ${plural(main, 'topic')}${tangents ? ` and ${plural(tangents, 'tangent')}` : ''}`,
      ...(p.story ? [p.story] : []),
    ],
  };
}

export function statusOf(p: PanelData): StatusLine {
  return p.kind === 'repo' ? repoStatus(p) : p.kind === 'notice' ? noticeStatus(p) : threadStatus(p);
}
