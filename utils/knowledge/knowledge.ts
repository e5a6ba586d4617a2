/**
 * What the background knows: lookup maps built once from the dataset, and the answers to
 * `lookup` and `panel` requests. Pure (dataset in, plain objects out) and unit-tested.
 */
import type { Dataset, Notice, Repo, Topic } from '../dataset/schema';
import type { DmcaIndex } from '../dmca/dmca-index';
import {
  capital,
  cardFacts,
  dmcaFacts,
  kindLabel,
  MAX_REPOS_IN_CARD as INDEX_CARD_REPOS,
  MAX_REPOS_ON_NOTICE_PAGE,
} from './dmca-knowledge';
import type { BadgeInfo, LinkOut, NoticeCard, PanelData, Relation, SearchResult, TopicCard } from '../core/protocol';
import { isSubject, normalizeRepo, subjectFromHref, type Subject } from '../core/subjects';
import { hnCommentUrl, hnItemUrl, noticeUrl, safeHref } from '../core/safe-url';

const RELATION_ORDER: Relation[] = ['named-in-notice', 'counter-noticed', 'discussed', 'llama'];
const sortRelations = (r: Iterable<Relation>) => RELATION_ORDER.filter((x) => new Set(r).has(x));
const MAX_REPOS_IN_CARD = 12;

export interface Knowledge {
  lookup(subjects: readonly string[]): Record<string, BadgeInfo>;
  /** Load what answering about these subjects needs from the DMCA index (its shards load on demand). */
  prepare(subjects: readonly (string | undefined)[], networkRoot?: string): Promise<void>;
  /** Load all of the DMCA index (the popup's search). */
  prepareAll(): Promise<void>;
  /** Load what badges for these subjects need (less than `prepare`: no repos for cards). */
  prepareBadges(subjects: readonly string[]): Promise<void>;
  /** The panel for a repo the dataset does not know but the detector finds LLaMA-related. */
  detectedPanel(subject: string, reasons: readonly string[]): PanelData | null;
  /** Dataset repos that are LLaMA-related, with a one-line reason (the detector checks these first). */
  knownLlama(): Map<string, string>;
  /** The popup's search: a repo (owner/name or URL), a notice (path or file name) or a topic. */
  search(query: string): SearchResult[];
  panel(subject: string, networkRoot?: string): PanelData | null;
  /**
   * GitHub's "unavailable due to DMCA takedown" page of a repo: the repo's panel (else the notice's)
   * led by what happened; a bare panel linking the notice when it is newer than the bundled index.
   */
  takedownPanel(repoSubject: string, notice: string, networkRoot?: string): PanelData | null;
}

export function buildKnowledge(d: Dataset, index?: DmcaIndex | null): Knowledge {
  const dmca = index ? dmcaFacts(index) : null;
  const repos = new Map<string, Repo>(d.repos.map((r) => [r.repo, r]));
  const notices = new Map<string, Notice>(d.notices.map((n) => [n.path.toLowerCase(), n]));
  const noticesByRepo = new Map<string, Notice[]>();
  for (const n of d.notices) for (const r of n.repos) noticesByRepo.set(r, [...(noticesByRepo.get(r) ?? []), n]);
  const answers = new Map<string, Notice[]>();
  for (const n of d.notices) for (const p of n.refersTo) answers.set(p, [...(answers.get(p) ?? []), n]);
  const topicById = new Map<string, Topic>(d.topics.map((t) => [t.id, t]));
  const topicCount = new Map<string, number>();
  for (const c of d.comments) for (const t of c.topics) topicCount.set(t, (topicCount.get(t) ?? 0) + 1);
  const threadSubject: Subject = `thread:hn:${d.thread.id}`;
  const commentIds = new Set(d.comments.flatMap((c) => (c.id ? [c.id] : [])));
  const relatedThreads = new Map(d.thread.related.map((r) => [r.id, r]));
  const mentionsOf = (subject: string) => d.comments.filter((c) => c.subjects?.includes(subject as Subject));

  function noticeRelations(n: Notice): Relation[] {
    const rel = new Set<Relation>();
    if (answers.get(n.path)?.some((a) => a.kind === 'counter-notice')) rel.add('counter-noticed');
    if (mentionsOf(`notice:${n.path.toLowerCase()}`).length) rel.add('discussed');
    rel.add('llama');
    return sortRelations(rel);
  }

  /** Relations of a repo subject, including those it inherits from its fork-network root. */
  function repoRelations(repo: string, root?: string): Relation[] {
    const rel = new Set<Relation>(repos.get(repo)?.relations ?? []);
    if (root && root !== repo) {
      for (const n of noticesByRepo.get(root) ?? []) {
        if (n.kind === 'notice') rel.add('named-in-notice');
        if (n.kind === 'notice' && answers.get(n.path)?.some((a) => a.kind === 'counter-notice')) rel.add('counter-noticed');
      }
      if (repos.get(root)?.relations.includes('llama')) rel.add('llama');
    }
    return sortRelations(rel);
  }

  function hintFor(rel: Relation[], what: string): string {
    const parts: string[] = [];
    if (rel.includes('named-in-notice')) parts.push('named in a DMCA notice');
    if (rel.includes('counter-noticed')) parts.push('disputed by a counter-notice');
    if (rel.includes('discussed')) parts.push('discussed on Hacker News');
    if (rel.includes('llama') && !parts.length) parts.push('LLaMA-related');
    return `Backstory: ${what} — ${parts.join(', ')}`;
  }

  function lookupOne(s: string): BadgeInfo | null {
    if (!isSubject(s)) return null;
    if (s.startsWith('repo:')) {
      const r = repos.get(s.slice(5));
      const ix = dmca?.badge(s) ?? null;
      if (!r) return ix;
      const relations = sortRelations([...repoRelations(r.repo), ...(ix?.relations ?? [])]);
      return { subject: s, relations, hint: hintFor(relations, r.repo) };
    }
    if (s.startsWith('notice:')) {
      const n = notices.get(s.slice(7));
      if (!n) return dmca?.badge(s) ?? null;
      const relations = noticeRelations(n);
      return { subject: s, relations, hint: hintFor(relations, `${kindLabel(n.kind)} of ${n.date}`) };
    }
    const id = Number(s.slice('thread:hn:'.length));
    if (id === d.thread.id || commentIds.has(id)) {
      return {
        subject: threadSubject,
        relations: ['discussed', 'llama'],
        hint: `Backstory: “${d.thread.title}” (${d.thread.commentCount} comments)`,
      };
    }
    const rel = relatedThreads.get(id);
    if (rel) return { subject: s, relations: ['llama'], hint: `Backstory: ${rel.title} — ${rel.note}` };
    return null;
  }

  function noticeCard(n: Notice, withAnswers = true): NoticeCard {
    return {
      ...cardFacts(n),
      repos: n.repos.slice(0, MAX_REPOS_IN_CARD),
      repoCount: n.repos.length,
      llama: n.llama,
      note: n.note,
      answeredBy: withAnswers ? (answers.get(n.path) ?? []).map((a) => noticeCard(a, false)) : [],
    };
  }

  function topicCards(ids: readonly string[]): TopicCard[] {
    const out: TopicCard[] = [];
    for (const id of ids) {
      const t = topicById.get(id);
      if (!t) continue;
      out.push({
        id: t.id,
        label: t.label,
        summary: t.summary,
        tangent: t.tangent,
        count: topicCount.get(t.id) ?? 0,
        points: t.points.map((p) => ({ text: p.text, links: p.cites.map((n) => commentLink(n)).filter((l): l is LinkOut => !!l) })),
      });
    }
    return out;
  }

  function commentLink(n: number): LinkOut | null {
    const c = d.comments[n];
    if (!c) return null;
    const url = safeHref(hnCommentUrl(d.thread.id, c.whole ? { n: c.n, id: c.id } : c));
    return url ? { label: `comment ${n + 1}`, url } : null;
  }

  function threadCard() {
    return {
      id: d.thread.id,
      title: d.thread.title,
      url: hnItemUrl(d.thread.id),
      site: d.thread.site,
      points: d.thread.points,
      commentCount: d.thread.commentCount,
      date: d.thread.date,
      submitter: d.thread.submitter,
    };
  }

  function timelineFor(story: string) {
    return d.timeline
      .filter((e) => e.story === story)
      .map((e) => ({ date: e.date, text: e.text, source: { label: e.source.label, url: safeHref(e.source.url) } }));
  }

  function mentionLinks(subject: string): LinkOut[] {
    return mentionsOf(subject)
      .slice(0, 6)
      .map((c) => {
        const url = safeHref(hnCommentUrl(d.thread.id, c.whole ? { n: c.n, id: c.id } : c));
        return url ? { label: `“${c.anchor}…”`, url } : null;
      })
      .filter((l): l is LinkOut => !!l);
  }

  function repoPanel(subject: Subject, repo: string, networkRoot?: string): PanelData | null {
    const own = repos.get(repo);
    const root = networkRoot && networkRoot !== repo ? normalizeRepoString(networkRoot) : undefined;
    const rootRec = root ? repos.get(root) : undefined;
    const rootNotices = root ? (noticesByRepo.get(root) ?? []).filter((n) => n.kind === 'notice') : [];
    const curatedPaths = new Set([...(noticesByRepo.get(repo) ?? []), ...rootNotices].map((n) => n.path.toLowerCase()));
    const section = dmca?.repoSection(repo, root, curatedPaths) ?? null;
    if (!own && !rootRec && !rootNotices.length) return section ? dmcaRepoPanel(subject, repo, section) : null;
    const relations = sortRelations([...repoRelations(repo, root), ...(section?.relations ?? [])]);
    const reasons: string[] = [];
    const ownNotices = noticesByRepo.get(repo) ?? [];
    for (const n of ownNotices.filter((x) => x.kind === 'notice')) reasons.push(`Named in the DMCA notice of ${n.date}${party(n)}.`);
    if (root && rootNotices.length) {
      for (const n of rootNotices) {
        reasons.push(
          `A fork of ${root}, which the DMCA notice of ${n.date}${party(n)} names` +
            (n.networkSize ? `; GitHub applied it to the entire network of ${n.networkSize} repositories.` : '.'),
        );
      }
    }
    for (const n of [...ownNotices, ...rootNotices.flatMap((r) => answers.get(r.path) ?? [])].filter((x) => x.kind === 'counter-notice')) {
      reasons.push(`Disputed by a counter-notice of ${n.date}${n.onBehalfOf ? ` filed for ${n.onBehalfOf}` : ''}.`);
    }
    const mentions = mentionLinks(`repo:${repo}`);
    if (mentions.length)
      reasons.push(`Mentioned in ${mentions.length} comment${mentions.length > 1 ? 's' : ''} of “${d.thread.title}” on Hacker News.`);
    const rec = own ?? rootRec!;
    if (relations.includes('llama') && !reasons.length) reasons.push(`LLaMA-related: ${rec.note}`);
    const story = rec?.story ?? rootNotices[0]?.story ?? 'llama-dmca-2023';
    const cardNotices = [...ownNotices.filter((n) => n.kind === 'notice'), ...rootNotices].map((n) => noticeCard(n));
    if (section) reasons.push(...section.reasons);
    return {
      subject,
      title: repo,
      relations,
      reasons,
      note: own?.note ?? (rootRec ? `Fork of ${root}. ${rootRec.note}` : null),
      notices: dedupeCards([...cardNotices, ...(section?.cards ?? [])]),
      thread: story === d.thread.story ? threadCard() : null,
      mentions,
      topics: topicCards(rec?.topics ?? []),
      timeline: timelineFor(story),
    };
  }

  /** A repo only the DMCA index knows; a thread comment that mentions it adds the thread. */
  function dmcaRepoPanel(
    subject: Subject,
    repo: string,
    section: NonNullable<ReturnType<NonNullable<typeof dmca>['repoSection']>>,
  ): PanelData {
    const mentions = mentionLinks(`repo:${repo}`);
    return {
      subject,
      title: repo,
      relations: sortRelations([...section.relations, ...(mentions.length ? (['discussed'] as const) : [])]),
      reasons: section.reasons,
      note: null,
      notices: section.cards,
      thread: mentions.length ? threadCard() : null,
      mentions,
      topics: [],
      timeline: [],
    };
  }

  function noticePanel(subject: Subject, n: Notice): PanelData {
    const relations = noticeRelations(n);
    const reasons: string[] = [];
    const answered = answers.get(n.path) ?? [];
    reasons.push(
      `${capital(kindLabel(n.kind))} of ${n.date}${party(n)}${n.llama === 'inferred' ? ' (its LLaMA link is our inference)' : ', about LLaMA'}.`,
    );
    for (const a of answered)
      reasons.push(`Answered by a ${kindLabel(a.kind)} of ${a.date}${a.onBehalfOf ? ` filed for ${a.onBehalfOf}` : ''}.`);
    const mentions = mentionLinks(`notice:${n.path.toLowerCase()}`);
    if (mentions.length) reasons.push(`Discussed in “${d.thread.title}” on Hacker News.`);
    // A counter-notice's panel shows the notice it answers first.
    const target = n.refersTo.map((p) => notices.get(p.toLowerCase())).filter((x): x is Notice => !!x);
    const cards = target.length ? target.map((t) => noticeCard(t)) : [noticeCard(n)];
    const topicIds =
      n.story === 'llama-dmca-2023' ? ['dmca-process', 'copyright-weights', 'meta-strategy', 'mirroring'] : ['trade-secrets'];
    return {
      subject,
      title: `${capital(kindLabel(n.kind))}: ${n.path.split('/').pop()}`,
      relations,
      reasons,
      note: n.note,
      notices: cards,
      thread: n.story === d.thread.story ? threadCard() : null,
      mentions,
      topics: topicCards(topicIds),
      timeline: timelineFor(n.story),
    };
  }

  function threadPanel(subject: Subject): PanelData {
    return {
      subject,
      title: d.thread.title,
      relations: ['discussed', 'llama'],
      reasons: [`Backstory's dataset covers this thread: ${d.comments.length} comments filed under ${d.topics.length} topics.`],
      note: null,
      notices: d.notices.filter((n) => n.story === d.thread.story && n.kind === 'notice').map((n) => noticeCard(n)),
      thread: threadCard(),
      mentions: [],
      topics: topicCards(d.topics.map((t) => t.id)),
      timeline: timelineFor(d.thread.story),
      outline: d.comments.map((c) => ({
        n: c.n,
        ...(c.id ? { id: c.id } : {}),
        anchor: c.anchor,
        ...(c.whole ? { whole: true } : {}),
        topics: c.topics,
      })),
    };
  }

  function search(query: string): SearchResult[] {
    const q = query.trim().toLowerCase();
    if (q.length < 2) return [];
    const out: SearchResult[] = [];
    const add = (subject: string, title: string, hint: string, panel: PanelData | null) => {
      if (out.length < 8 && !out.some((r) => r.subject === subject && r.title === title)) out.push({ subject, title, hint, panel });
    };
    // A URL or an owner/name names one subject exactly.
    const direct =
      subjectFromHref(q, 'github.com') ??
      subjectFromHref(q, 'news.ycombinator.com') ??
      (/^[\w.-]+\/[\w.-]+$/.test(q) ? subjectFromHref(`/${q}`, 'github.com') : null);
    if (direct) {
      const info = lookupOne(direct);
      const subject = info?.subject ?? direct;
      const p = panelFor(subject);
      if (info) add(subject, p?.title ?? subject, info.hint, p);
    }
    for (const r of d.repos) if (r.repo.includes(q)) add(`repo:${r.repo}`, r.repo, r.note, panelFor(`repo:${r.repo}`));
    for (const n of d.notices) {
      if (
        n.path.toLowerCase().includes(q) ||
        (n.sender ?? '').toLowerCase().includes(q) ||
        (n.onBehalfOf ?? '').toLowerCase().includes(q)
      ) {
        const s = `notice:${n.path.toLowerCase()}`;
        add(s, n.path, n.note, panelFor(s));
      }
    }
    if (dmca && q.length >= 3 && !direct) {
      for (const r of dmca.index.searchRepos(q, 4)) {
        const s = `repo:${r}` as Subject;
        add(s, r, lookupOne(s)?.hint.replace(/^Backstory: /, '') ?? '', panelFor(s));
      }
      for (const n of dmca.index.searchNotices(q, 4)) {
        const s = `notice:${n.path.toLowerCase()}` as Subject;
        add(s, n.path, lookupOne(s)?.hint.replace(/^Backstory: /, '') ?? '', panelFor(s));
      }
    }
    const words = q.split(/\s+/).filter((w) => w.length > 2);
    for (const t of d.topics) {
      const hay = `${t.label} ${t.summary}`.toLowerCase();
      if (words.length && words.every((w) => hay.includes(w))) {
        const p = threadPanel(threadSubject);
        add(threadSubject, t.label, t.summary, { ...p, topics: p.topics.filter((x) => x.id === t.id), outline: undefined });
      }
    }
    return out;
  }

  /** The panel for any subject the dataset knows (a repo, with its fork-network root; a notice; the thread). */
  function panelFor(subject: string, networkRoot?: string): PanelData | null {
    if (!isSubject(subject)) return null;
    if (subject.startsWith('repo:')) return repoPanel(subject, subject.slice(5), networkRoot);
    if (subject.startsWith('notice:')) {
      const n = notices.get(subject.slice(7));
      if (n) return noticePanel(subject, n);
      const ix = dmca?.notice(subject.slice(7));
      return ix ? dmca!.noticePanel(subject, ix) : null;
    }
    return subject === threadSubject ? threadPanel(subject) : null;
  }

  function detectedPanel(subject: string, reasons: readonly string[]): PanelData | null {
    if (!isSubject(subject) || !subject.startsWith('repo:')) return null;
    const llamaNotices = d.notices.filter((n) => n.story === d.thread.story && n.kind === 'notice');
    return {
      subject,
      title: subject.slice(5),
      relations: ['llama'],
      reasons: [
        `Likely LLaMA-related (not in Backstory's dataset): ${reasons.join('; ')}.`,
        'What happened to LLaMA repositories, and what the community argued, applies to it:',
      ],
      note: null,
      notices: llamaNotices.map((n) => noticeCard(n)),
      thread: threadCard(),
      mentions: [],
      topics: topicCards(['copyright-weights', 'fine-tunes', 'dmca-process', 'gpl-derivative', 'meta-strategy']),
      timeline: timelineFor(d.thread.story),
    };
  }

  return {
    search,
    detectedPanel,
    knownLlama() {
      return new Map(d.repos.filter((r) => r.relations.includes('llama')).map((r) => [r.repo, r.note]));
    },
    async prepare(subjects, networkRoot) {
      if (!index) return;
      const repoNames: string[] = networkRoot ? [networkRoot] : [];
      const paths: string[] = [];
      for (const s of subjects) {
        if (!s || !isSubject(s)) continue;
        if (s.startsWith('repo:')) repoNames.push(s.slice(5));
        else if (s.startsWith('notice:')) paths.push(s.slice(7));
      }
      if (repoNames.length || paths.length)
        await index.prepare({ repos: repoNames, notices: paths }, { cardRepos: INDEX_CARD_REPOS, pageRepos: MAX_REPOS_ON_NOTICE_PAGE });
    },
    async prepareAll() {
      await index?.prepareAll();
    },
    async prepareBadges(subjects) {
      if (!index) return;
      const repos: string[] = [];
      const notices: string[] = [];
      for (const s of subjects) {
        if (s.startsWith('repo:')) repos.push(s.slice(5));
        else if (s.startsWith('notice:')) notices.push(s.slice(7));
      }
      if (repos.length || notices.length) await index.prepare({ repos, notices }, { cardRepos: 0, pageRepos: 0 });
    },
    lookup(subjects) {
      const known: Record<string, BadgeInfo> = {};
      for (const s of subjects) {
        const info = lookupOne(s);
        if (info) known[s] = info;
      }
      return known;
    },
    panel: panelFor,
    takedownPanel(repoSubject, notice, networkRoot) {
      if (!isSubject(repoSubject) || !repoSubject.startsWith('repo:') || !isSubject(notice) || !notice.startsWith('notice:')) return null;
      const base = panelFor(repoSubject, networkRoot) ?? panelFor(notice);
      const info = lookupOne(notice);
      const path = notice.slice(7);
      const lead = info
        ? `GitHub has disabled this repository after the ${info.hint.replace(/^Backstory: /, '').replace(/ — .*$/, '')}.`
        : `GitHub has disabled this repository after a DMCA notice (${path}) that is newer than Backstory's copy of github/dmca.`;
      if (base)
        return {
          ...base,
          subject: repoSubject,
          title: repoSubject.slice(5),
          relations: sortRelations([...base.relations, 'named-in-notice']),
          reasons: [lead, ...base.reasons],
        };
      return {
        subject: repoSubject,
        title: repoSubject.slice(5),
        relations: ['named-in-notice'],
        reasons: [lead],
        note: null,
        notices: [
          {
            path,
            url: noticeUrl(path),
            kind: 'notice',
            date: /(\d{4}-\d{2}-\d{2})[^/]*$/.exec(path)?.[1] ?? '',
            textDate: null,
            sender: null,
            onBehalfOf: null,
            networkSize: null,
            repos: [],
            repoCount: 0,
            note: 'This notice is newer than the snapshot of github/dmca bundled with Backstory: open it for the details.',
            answeredBy: [],
          },
        ],
        thread: null,
        mentions: [],
        topics: [],
        timeline: [],
      };
    },
  };
}

function normalizeRepoString(s: string): string | undefined {
  const [o, n, extra] = s.split('/');
  return o && n && extra === undefined ? (normalizeRepo(o, n) ?? undefined) : undefined;
}

function dedupeCards(cards: NoticeCard[]): NoticeCard[] {
  const seen = new Set<string>();
  return cards.filter((c) => !seen.has(c.path) && !!seen.add(c.path));
}

function party(n: Notice): string {
  if (n.onBehalfOf && n.sender) return ` (sent by ${n.sender} for ${n.onBehalfOf})`;
  if (n.onBehalfOf) return ` (for ${n.onBehalfOf})`;
  if (n.sender) return ` (from ${n.sender})`;
  return '';
}
