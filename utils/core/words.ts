/**
 * The words more than one surface uses — the status line (panel and popup), badge hints (background),
 * dates, plurals, the labels of notice kinds and relations, the outcome's sentence and the plain words for
 * DMCA terms — from the structured facts the background sends (utils/core/model.ts), and the panel's words
 * for a notice card's facts and where each comes from (its source list). Pure.
 */
import type {
  BadgeFacts,
  BadgeTone,
  NoticeKind,
  NoticePanel,
  NoticeRef,
  NoticeStanding,
  Outcome,
  PanelData,
  Relation,
  RepoPanel,
  TakedownScope,
  ThreadPanel,
} from './model';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2023-03-21` → `Mar 21, 2023`. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

/** How recent the DMCA notices are: `Notices as of Aug 21, 2026` (the panel, the popup, the options page). */
export const noticesAsOf = (isoDate: string) => `Notices as of ${formatDate(isoDate)}`;

/**
 * The panel's footer: the date of the notices its answer rests on (`PanelData.asOf`: the bundle's, or the
 * newest date of the downloaded notices the answer shows) — never anything else of the user's own.
 */
export const panelFoot = (p: { asOf: string }) => `${noticesAsOf(p.asOf)} · offline summary · no data leaves your browser`;

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

/** " from X" (or " from X, via Y") when the record names who sent it. */
const from = (n: NoticeRef) => (n.party ? ` from ${partyLine(n, false)}` : '');
/** "DMCA takedown notice of 2023-03-21 from X" */
const noticeOf = (n: NoticeRef) => `${KIND_LABEL[n.kind]} of ${n.date}${from(n)}`;
/** "the DMCA takedown notice of 2023-03-21 from X" */
export const noticePhrase = (n: NoticeRef) => `the ${noticeOf(n)}`;

/** The labels of a notice card's facts (the panel), as its list of facts and its source list say them. */
export const FACT_LABEL = {
  principal: 'For',
  sender: 'Sent by',
  asks: 'Asks for',
  textDate: 'Dated',
  scope: 'Scope',
  namedAt: 'Names this repository',
  changesOffered: 'Chance to make changes',
} as const;

/** An answer's own party: a counter-notice is filed for the repo's owner; a retraction or reversal is from its sender. */
export const partyWord = (k: NoticeKind) => (k === 'counter-notice' ? 'for' : 'from');
/** The same as a fact's label: "Filed for", "From". */
export const partyTerm = (k: NoticeKind) => (k === 'counter-notice' ? 'Filed for' : 'From');
/** An answer's party in its card's source list: "Counter-notice of Apr 27, 2023: filed for". */
export const answerPartyLabel = (a: { kind: NoticeKind; date: string }) =>
  `${kindTitle(a.kind)} of ${formatDate(a.date)}: ${partyTerm(a.kind).toLowerCase()}`;
/** The document a source line is in: the card's own ("the notice"), or an answer's ("the counter-notice"). */
export const sourceDocument = (k?: NoticeKind) => (k ? `the ${KIND_LABEL[k]}` : 'the notice');

/**
 * A card's source list, closed: its summary as shown, and what a screen reader hears after it, so each card's
 * is told apart ("Source of the DMCA takedown notice of Mar 21, 2023").
 */
export const sourcesSummary = (n: { kind: NoticeKind; date: string }) => ({
  shown: 'Source',
  hidden: ` of the ${KIND_LABEL[n.kind]} of ${formatDate(n.date)}`,
});

/**
 * A link to the line of the record a fact comes from, in three parts: what a screen reader hears before what
 * is shown (the fact's label, when the link stands for one), what is shown, and what it hears after — so the
 * link's name is whole on its own: "For: line 45 of the notice, on github/dmca".
 */
export const lineLink = (line: string | null, o: { label?: string; document?: string } = {}) => ({
  before: o.label ? `${o.label}: ` : '',
  shown: line ? `line ${line}` : 'source',
  after: ` of ${o.document ?? sourceDocument()}, on github/dmca`,
});

/** What a takedown asks of the repo the page is about, said under its card (its line is in the card's sources). */
export const NAMES_THIS: Record<TakedownScope, string> = {
  whole: 'It names this repository',
  files: 'It names specific files in this repository, not the whole repository',
  network: 'It names this repository; GitHub applied it to the whole fork network',
};

/** GitHub's note that owners were offered changes first, in plain words. */
export const CHANGES_OFFERED = 'GitHub gives owners a chance to remove the named files before disabling anything.';

/** The link to a notice's own file. */
export const READ_NOTICE = 'Read the notice on github/dmca';

/** GitHub's takedown page for a notice newer than the bundled copy of github/dmca. */
export const newerTakedown = (file: string) =>
  `GitHub has disabled this repository after a DMCA notice (${file}) that is newer than Backstory's copy of github/dmca.`;

/** A repo only the LLaMA detector knows, and why it may be related. */
export const detectedLead = (signals: readonly string[]) =>
  `Not in Backstory's dataset, and no DMCA notice names it.${signals.length > 0 ? ` Why it may be related: ${signals.join('; ')}.` : ''}`;

/** A repo named in more notices than its panel shows. */
export const moreNotices = (total: number, shown: number) => `Named in ${plural(total, 'DMCA notice')}; the ${shown} newest are shown.`;

/** Plain words for DMCA terms, one short sentence each (shown on hover and focus in the panel). */
export const EXPLAIN = {
  disabled: 'GitHub made the repository unavailable because of a DMCA takedown notice.',
  named:
    'A DMCA takedown notice names this repository, but GitHub’s published record does not say it disabled it (only files were named, or the owners were first given a chance to make changes).',
  disputed: 'The owner filed a counter-notice: a formal reply saying the takedown is mistaken, which can get the content restored.',
  reinstated: 'The content was restored: GitHub reversed the takedown, or its sender retracted it.',
  takedown: 'A DMCA takedown notice: a rights holder asks GitHub to remove content it says infringes its copyright.',
  'counter-notice': 'A counter-notice is the owner’s formal reply that a takedown is mistaken; it can get the content restored.',
  retraction: 'A retraction is the sender withdrawing its takedown notice, in whole or in part.',
  reversal: 'A reversal is GitHub undoing its own decision on a notice.',
} as const;

/** "LaLiga, via Sportian": the rights holder first, then the agent that sent the notice for it. */
export function partyLine(n: Pick<NoticeRef, 'party' | 'via'>, short = true): string | null {
  if (!n.party) return null;
  const name = (x: string) => (short ? shortParty(x) : x);
  return n.via ? `${name(n.party.value)}, via ${name(n.via.value)}` : name(n.party.value);
}

/** What became of a repo, in one sentence (the details' first line). Null when no takedown names it. */
export function outcomeSentence(o: Outcome, takedownPage = false): string | null {
  const n = o.notice;
  if (!n || o.state === 'none') return null;
  const who = partyLine(n, false);
  const notice = `DMCA takedown notice of ${formatDate(n.date)}${who ? ` from ${who}` : ''}`;
  const whose = o.viaRoot ? `Its fork network (${o.viaRoot})` : 'It';
  const also = o.others ? ` It is named in ${plural(o.others, 'other takedown notice')} too.` : '';
  const offered = o.changesOffered ? ' GitHub first gave the owners a chance to make changes.' : '';
  switch (o.state) {
    case 'disabled':
      return takedownPage
        ? `GitHub shows this repository as disabled after the ${notice}.${also}`
        : `${whose} was disabled after the ${notice}${o.scope?.value === 'network' ? ', applied to the whole fork network' : ''}; this page is up, so it is available again or was never fully removed.${also}`;
    case 'named':
      return `${whose === 'It' ? 'It is' : `${whose} is`} named in the ${notice}${o.scope?.value === 'files' ? ', which names specific files in it' : ''}; the record does not say GitHub disabled it.${offered}${also}`;
    case 'disputed':
      return `${whose === 'It' ? 'It is' : `${whose} is`} named in the ${notice}; a counter-notice of ${formatDate(o.by!.date)} disputes it.${also}`;
    case 'reinstated':
      return o.by?.kind === 'reversal'
        ? `GitHub reversed the ${notice} on ${formatDate(o.by.date)} and restored what it had disabled.${also}`
        : `The sender retracted the ${notice}${o.viaRoot ? '' : ' for this repository'} on ${formatDate(o.by!.date)}.${also}`;
  }
}

/** The panel's title line: a notice page shows its kind and file name. */
export function panelTitle(p: PanelData): string {
  return p.kind === 'notice' ? `${kindTitle(p.notice.kind)}: ${p.title}` : p.title;
}

/** What the record says of a repo, for a link to it: the same outcome as its panel, in a phrase. */
function repoOutcomePhrase(o: Outcome): string | null {
  const n = o.notice;
  if (!n) return null;
  const takedown = `the DMCA takedown of ${formatDate(n.date)}${n.party ? ` from ${partyLine(n)}` : ''}`;
  switch (o.state) {
    case 'disabled':
      return `disabled after ${takedown}`;
    case 'named':
      return `named in ${takedown}${o.scope?.value === 'files' ? ' (specific files)' : ''}; not recorded as disabled`;
    case 'disputed':
      return `named in ${takedown}; disputed by a counter-notice of ${formatDate(o.by!.date)}`;
    case 'reinstated':
      return `reinstated: ${o.by?.kind === 'reversal' ? 'GitHub reversed' : 'the sender retracted'} ${takedown} on ${formatDate(o.by!.date)}`;
    case 'none':
      return null;
  }
}

/** What a takedown's answer did to it, in words: "reversed by GitHub", "retracted", "disputed by a counter-notice". */
const answerVerb = (k: NoticeKind) =>
  k === 'reversal' ? 'reversed by GitHub' : k === 'retraction' ? 'retracted' : 'disputed by a counter-notice';

/**
 * A takedown's standing as one short fact with its date: what answered it as a whole, else a reversal or
 * retraction of only some of the repos it names ("retracted for 2 of them", after "names 5 repositories").
 */
function standingFacts(s: NoticeStanding | null): { words: string; date: string }[] {
  if (s?.by) return [{ words: answerVerb(s.by.kind), date: s.by.date }];
  return s?.partly ? [{ words: `${answerVerb(s.partly.kind)} for ${grouped(s.partly.repos)} of them`, date: s.partly.date }] : [];
}

/** A notice's standing for a link to it: reversed, retracted or disputed, when something answered it. */
const noticeAnswerPhrase = (s: NoticeStanding | null) =>
  standingFacts(s)
    .map((f) => `, ${f.words} on ${formatDate(f.date)}`)
    .join('');

/**
 * The colour a takedown's standing gives its card, its page's lead and links to it: restored (reversed or
 * retracted as a whole), disputed, or null — it stands (a partial reversal or retraction leaves it standing).
 */
export function standingTone(s: NoticeStanding | null): 'ok' | 'disputed' | null {
  if (s?.state === 'reversed' || s?.state === 'retracted') return 'ok';
  return s?.state === 'disputed' ? 'disputed' : null;
}

/** A link badge's tooltip (and accessible name), without the "Backstory:" prefix the badge adds. */
export function badgeHint(f: BadgeFacts): string {
  switch (f.kind) {
    case 'repo': {
      const parts: string[] = [];
      const outcome = repoOutcomePhrase(f.outcome);
      if (outcome) parts.push(outcome);
      else if (f.original)
        parts.push(
          `named as the original work in the DMCA takedown of ${formatDate(f.original.date)}${f.original.party ? ` from ${partyLine(f.original)}` : ''}`,
        );
      else if (f.answer) parts.push(`named in a ${KIND_LABEL[f.answer.kind]} of ${formatDate(f.answer.date)}${from(f.answer)}`);
      if (f.takedowns > 1) parts.push(`named in ${f.takedowns} DMCA takedowns in all`);
      if (f.discussed) parts.push('discussed on Hacker News');
      if (!parts.length && f.llama) parts.push('LLaMA-related');
      return `${f.repo} — ${parts.join('; ')}`;
    }
    case 'notice':
      return `${capital(noticeOf(f.notice))} — ${plural(f.repoCount, 'repository', 'repositories')} named${noticeAnswerPhrase(f.standing)}`;
    case 'thread':
      return `“${f.title}” (${plural(f.commentCount, 'comment')})`;
    case 'related-thread':
      return `${f.title} — ${f.note}`;
    case 'detected':
      return f.signals.length ? `likely LLaMA-related — ${f.signals.join('; ')}` : 'LLaMA-related';
  }
}

/**
 * A popup search result's title: what it is, never a path alone. A notice: "party · date · kind" (its file
 * when the text names no party); anything else keeps its name.
 */
export function searchTitle(f: BadgeFacts | null, name: string): string {
  if (f?.kind !== 'notice') return name;
  const n = f.notice;
  return `${partyLine(n) ?? n.file} · ${formatDate(n.date)} · ${KIND_LABEL[n.kind]}`;
}

/** Its one line under the title, without repeating the title (a repo's name, a notice's kind and date). */
export function searchHint(f: BadgeFacts): string {
  if (f.kind === 'notice') return capital(`${plural(f.repoCount, 'repository', 'repositories')} named${noticeAnswerPhrase(f.standing)}`);
  const hint = badgeHint(f);
  return f.kind === 'repo' ? capital(hint.slice(f.repo.length + 3)) : hint;
}

/** A DMCA badge's colour, from the same facts as its words (undefined: not a DMCA badge). */
export function badgeTone(f: BadgeFacts): BadgeTone | undefined {
  if (f.kind === 'notice') {
    // A counter-notice's link is amber, as its page's lead.
    if (f.notice.kind === 'counter-notice') return 'disputed';
    return standingTone(f.standing) ?? (f.notice.kind === 'takedown' ? 'dmca' : 'named');
  }
  if (f.kind !== 'repo') return undefined;
  const TONE: Record<Outcome['state'], BadgeTone | undefined> = {
    disabled: 'dmca',
    named: 'named',
    disputed: 'disputed',
    reinstated: 'ok',
    none: f.original || f.answer ? 'named' : undefined,
  };
  return TONE[f.outcome.state];
}

/** A party's name without its legal form, for the status line ("Meta Platforms, Inc." → "Meta Platforms"). */
export function shortParty(name: string): string {
  return name.replace(
    /,?\s+(?:Inc\.?|Incorporated|LLC|L\.L\.C\.|Ltd\.?|Limited|Corp\.?|Corporation|GmbH|S\.A\.?|B\.V\.?|Co\.,? Ltd\.?)$/i,
    '',
  );
}

/** How the status line is coloured: by this subject's own record only. */
export type StatusTone = 'dmca' | 'named' | 'disputed' | 'ok' | 'hn' | 'neutral';

/** The panel's one line: a lead word or two, then short facts (the details open on demand). */
export interface StatusLine {
  tone: StatusTone;
  lead: string;
  parts: string[];
}

/** "HN: 320 points, 204 comments" for the first thread that discusses it. */
const hnPart = (threads: readonly { points: number; commentCount: number }[]) =>
  threads[0] ? [`HN: ${plural(threads[0].points, 'point')}, ${plural(threads[0].commentCount, 'comment')}`] : [];
/** The rights holder (and its agent), or nothing when the record does not say. */
const who = (n: NoticeRef) => {
  const w = partyLine(n);
  return w ? [w] : [];
};

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
      parts: ['in a DMCA takedown', ...who(original.card), formatDate(original.card.date)],
    };
  const root = p.notices.find((n) => n.role === 'network');
  if (root && p.match.via === 'fork')
    return {
      tone: 'neutral',
      lead: 'A fork of a repository named in a DMCA takedown',
      parts: [p.match.root, formatDate(root.card.date)],
    };
  const answer = p.notices.find((n) => n.role === 'answer');
  if (answer)
    return {
      tone: 'neutral',
      // Said as what it is ("Named in a counter-notice"), not as a kind of reply.
      lead: `Named in a ${KIND_LABEL[answer.card.kind]}`,
      parts: [...who(answer.card), formatDate(answer.card.date)],
    };
  if (p.threads.length)
    return {
      tone: 'hn',
      lead: 'Discussed on Hacker News',
      parts: [`“${p.threads[0]!.title}”`, ...hnPart(p.threads).map((x) => x.slice(4))],
    };
  return { tone: 'neutral', lead: 'LLaMA-related', parts: p.story ? [`part of ${p.story}`] : [] };
}

/** The scope fragment of a standing takedown: what it asked for of this repo, when that says something. */
function scopePart(o: RepoPanel['outcome']): string[] {
  if (o.viaRoot) return [`with its fork network (${o.viaRoot})`];
  if (o.scope?.value === 'files') return ['specific files'];
  if (o.scope?.value === 'network') return ['with its fork network'];
  return [];
}

/**
 * The panel's one line (≤ 4 fragments: outcome, who, when, one more), from this repo's own record. A
 * repo page that renders is evidence too: only GitHub's takedown page is worded as disabled now.
 */
export function repoStatus(p: RepoPanel): StatusLine {
  const o = p.outcome;
  if (p.takedownPage) {
    const n = p.takedownPage.notice;
    return {
      tone: 'dmca',
      lead: 'Disabled',
      parts: p.takedownPage.known
        ? ['DMCA takedown', ...who(n), formatDate(n.date)]
        : [`DMCA takedown of ${formatDate(n.date)}`, "newer than Backstory's copy"],
    };
  }
  if (o.state === 'none' || !o.notice) return repoNone(p);
  const n = o.notice;
  switch (o.state) {
    case 'disabled':
      return {
        tone: 'dmca',
        lead: 'Was disabled',
        parts: [...who(n), formatDate(n.date), ...(scopePart(o)[0] ? scopePart(o) : ['DMCA takedown'])],
      };
    case 'named':
      return {
        tone: 'named',
        lead: 'Named in a DMCA takedown',
        parts: [
          ...(scopePart(o)[0] ? scopePart(o) : o.changesOffered ? ['owners offered changes first'] : []),
          ...who(n),
          formatDate(n.date),
        ],
      };
    case 'disputed':
      return { tone: 'disputed', lead: 'Disputed', parts: [...who(n), formatDate(n.date), `counter-notice ${formatDate(o.by!.date)}`] };
    case 'reinstated':
      return {
        tone: 'ok',
        lead: 'Reinstated',
        parts: [
          ...who(n),
          `takedown of ${formatDate(n.date)}`,
          o.by?.kind === 'reversal' ? `reversed by GitHub ${formatDate(o.by.date)}` : `retracted ${formatDate(o.by!.date)}`,
        ],
      };
  }
}

export function noticeStatus(p: NoticePanel): StatusLine {
  const n = p.notice;
  const party = n.party ? [`from ${partyLine(n)}`] : [];
  const scope =
    n.kind === 'takedown' ? [n.repoCount ? `names ${plural(n.repoCount, 'repository', 'repositories')}` : 'names no repository'] : [];
  const answer = standingFacts(n.standing).map((f) => `${f.words} · ${formatDate(f.date)}`);
  const answers = p.answers[0] ? [`answers the ${KIND_LABEL[p.answers[0].card.kind]} of ${formatDate(p.answers[0].card.date)}`] : [];
  const tone: StatusTone =
    n.kind === 'takedown' ? (standingTone(n.standing) ?? 'dmca') : n.kind === 'counter-notice' ? 'disputed' : 'neutral';
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
