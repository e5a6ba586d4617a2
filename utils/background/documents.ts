/**
 * One record per document: what the background answered for the page in a tab, and what the page
 * showed and counted. The early push and the page's own question share one computation; the toolbar
 * badge and the popup read the record instead of recomputing the page's answer from its subject alone
 * (which lost a fork's panel, a detected repo's, and every panel not on screen).
 *
 * `url` is the document's (Chrome keeps a sender's URL across soft navigations); the page's current
 * location comes with its report (`shown.url`).
 *
 * A tab has one record (content scripts run in the top frame only): a tab that starts loading starts a
 * new one, and so does a question from a document that is not the recorded one (Chrome's documentId).
 * Records are kept in memory and written through to the toolbar's session storage, so the popup and the
 * badge survive the MV3 worker being stopped; that storage is memory-only (never written to disk), so a
 * private tab's record is private too.
 */
import type { PanelData, PanelState, Subject, TabReport } from '../core/model';
import type { PageReply } from '../schema/messages';
import type { SenderInfo } from './services';

/** The question a page asks about itself: its subject and the context its markup gives. */
export interface PageQuestion {
  subject?: string | undefined;
  /** The story's link on an HN item page. */
  fallback?: string | undefined;
  /** A fork's network root. */
  networkRoot?: string | undefined;
  /** GitHub's takedown page: the notice it links to. */
  takedown?: string | undefined;
}

/** What the background answered for the document's latest question. */
export interface DocumentAnswer {
  question: PageQuestion;
  /** The panel (null: none, or silent), with the topic settings applied; `detected` when only the detector knows it. */
  panel: PanelData | null;
  source: 'dataset' | 'detected' | null;
  /** The state the panel opened in (remembered choice, else the settings' default). */
  state: PanelState;
  silent: boolean;
}

export interface DocumentRecord {
  tabId: number;
  /** Chrome's documentId, from the document's first message (null until then, and in Firefox). */
  documentId: string | null;
  url: string;
  /** An incognito tab: nothing about it is written to disk. */
  private: boolean;
  answer: DocumentAnswer | null;
  /** The panel's code: declared for the page by the manifest, injected by us, or not in the page. */
  ui: 'declared' | 'injected' | 'none';
  /** The answer was pushed into the page as it started loading (Chrome). */
  early: boolean;
  /** What the page reported it showed and counted (the toolbar badge's count). */
  shown: TabReport;
}

/** Where records are kept between worker lives, and the toolbar badge set from them. */
export interface RecordArea {
  get(tabId: number): Promise<unknown>;
  set(tabId: number, record: DocumentRecord): Promise<void>;
  clear(tabId: number): void;
  forget(tabId: number): void;
}

const NOTHING_SHOWN: TabReport = { panel: null, badges: {}, count: 0 };

function fresh(tabId: number, sender: { url?: string | undefined; documentId?: string | undefined; private: boolean }): DocumentRecord {
  return {
    tabId,
    documentId: sender.documentId ?? null,
    url: sender.url ?? '',
    private: sender.private,
    answer: null,
    ui: 'none',
    early: false,
    shown: NOTHING_SHOWN,
  };
}

/** A stored record read defensively (storage is ours, but may be from an older version). */
function revive(raw: unknown, tabId: number): DocumentRecord | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Partial<DocumentRecord>;
  if (r.tabId !== tabId || typeof r.url !== 'string' || !r.shown || typeof r.shown.count !== 'number') return null;
  return { ...fresh(tabId, { url: r.url, private: r.private === true }), ...r } as DocumentRecord;
}

/** Deep equality of two answers (one read back from session storage has null for undefined, keys in another order). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b || (a == null && b == null)) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export const questionKey = (url: string, q: PageQuestion): string =>
  JSON.stringify([url, q.subject ?? '', q.fallback ?? '', q.networkRoot ?? '', q.takedown ?? '']);

/** The same panel as the document's last answer to the same question: the page need not redraw it. */
const sameAnswer = (prev: DocumentAnswer | null, next: DocumentAnswer): boolean =>
  !!prev?.panel && !next.silent && questionKey('', prev.question) === questionKey('', next.question) && sameValue(prev.panel, next.panel);

interface Live {
  record: DocumentRecord;
  /** The latest computation of the page's answer, and whether a page question has used it already. */
  pending: { key: string; by: 'early' | 'page'; reply: Promise<PageReply>; joined: boolean } | null;
  ui: Promise<void> | null;
}

export type Documents = ReturnType<typeof createDocuments>;

export function createDocuments(area: RecordArea) {
  const live = new Map<number, Live>();
  const loading = new Map<number, Promise<void>>();

  const start = (tabId: number, doc: Parameters<typeof fresh>[1]): Live => {
    const l: Live = { record: fresh(tabId, doc), pending: null, ui: null };
    live.set(tabId, l);
    return l;
  };
  const save = (l: Live) => area.set(l.record.tabId, l.record).catch(() => undefined);

  /** The tab's record as kept (memory, else the session storage of an earlier worker life). */
  async function current(tabId: number): Promise<Live | null> {
    if (!live.has(tabId) && !loading.has(tabId)) {
      const read = area.get(tabId).catch(() => null);
      loading.set(
        tabId,
        read.then((raw) => {
          loading.delete(tabId);
          const record = revive(raw, tabId);
          if (record && !live.has(tabId)) live.set(tabId, { record, pending: null, ui: null });
        }),
      );
    }
    await loading.get(tabId);
    return live.get(tabId) ?? null;
  }

  /** The record of the sender's document: a new one when the tab's record is another document's. */
  async function of(sender: SenderInfo): Promise<Live | null> {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return null;
    await current(tabId);
    // Read after the wait: a message that arrived at the same time may have started the record already.
    const l = live.get(tabId) ?? null;
    const doc = sender.documentId;
    if (l && (!doc || !l.record.documentId || l.record.documentId === doc)) {
      const adopt = (!!doc && !l.record.documentId) || (!!sender.url && sender.url !== l.record.url);
      if (doc) l.record.documentId = doc;
      if (sender.url) l.record.url = sender.url;
      if (adopt) void save(l);
      return l;
    }
    return start(tabId, { url: sender.url, documentId: doc, private: sender.tab?.incognito === true });
  }

  return {
    /** A tab starts loading a document: it starts with nothing answered and nothing shown. */
    begin(tabId: number, url: string, incognito: boolean): void {
      start(tabId, { url, private: incognito });
      area.clear(tabId);
    },

    forget: (tabId: number): void => void (live.delete(tabId), area.forget(tabId)),

    /** The record for the popup and the toolbar (null: nothing known of the tab). */
    get: async (tabId: number): Promise<DocumentRecord | null> => (await current(tabId))?.record ?? null,

    /**
     * The page's answer to `question`, computed once for the early push and the page's first question about the
     * same URL (a later one computes afresh: a state or setting changed since is never stale); it becomes the record's.
     */
    async answer(
      sender: SenderInfo,
      question: PageQuestion,
      compute: () => Promise<{ reply: PageReply; source: DocumentAnswer['source'] }>,
      opts: { early?: boolean } = {},
    ): Promise<PageReply> {
      // A tab this worker never saw (it just started) has nothing pending: compute while its record is read.
      const started = sender.tab?.id !== undefined && !live.has(sender.tab.id) ? compute() : null;
      started?.catch(() => undefined); // a failure is the awaiting caller's, not unhandled meanwhile
      const l = await of(sender);
      const key = questionKey(sender.url ?? '', question);
      const by = opts.early ? 'early' : 'page';
      if (!started && l?.pending && l.pending.key === key && !l.pending.joined && l.pending.by !== by) {
        l.pending.joined = true;
        return l.pending.reply;
      }
      const work = started ?? compute();
      const reply = work.then((w) => w.reply);
      if (!l) return reply;
      const pending = { key, by, reply, joined: false } as NonNullable<Live['pending']>;
      l.pending = pending;
      if (opts.early) l.record.early = true;
      const w = await work;
      if (l.pending !== pending || live.get(l.record.tabId) !== l) return w.reply;
      const prev = l.record.answer;
      l.record.answer = { question, panel: w.reply.data, source: w.source, state: w.reply.state, silent: w.reply.silent };
      void save(l);
      return sameAnswer(prev, l.record.answer) ? { ...w.reply, same: true } : w.reply;
    },

    /** A detector's answer for the page's subject (it replaces the dataset's "none"). */
    async detected(sender: SenderInfo, question: PageQuestion, reply: PageReply): Promise<void> {
      const l = await of(sender);
      if (!l || !reply.data) return;
      l.record.answer = { question, panel: reply.data, source: 'detected', state: reply.state, silent: false };
      await save(l);
    },

    /** Inject the panel's code into the sender's document once (never where it is declared or was injected). */
    async injectOnce(sender: SenderInfo, inject: () => Promise<void>): Promise<void> {
      const l = await of(sender);
      if (!l) return inject();
      // Declared by the manifest, or injected in an earlier life of the worker (the record survives it).
      if (l.record.ui !== 'none' && !l.ui) return;
      if (!l.ui) {
        l.ui = inject().then(
          () => {
            l.record.ui = 'injected';
            void save(l);
          },
          (e: unknown) => {
            l.ui = null;
            throw e;
          },
        );
      }
      return l.ui;
    },

    /** The page runs the panel's code already (declared for it in the manifest). */
    async declaredUi(sender: SenderInfo): Promise<void> {
      const l = await of(sender);
      if (l && l.record.ui === 'none') {
        l.record.ui = 'declared';
        await save(l);
      }
    },

    /** What the page showed and counted. */
    async shown(sender: SenderInfo, panel: Subject | null, badges: Record<Subject, number>, settled = false, url?: string): Promise<void> {
      const l = await of(sender);
      if (!l) return;
      const count = (panel ? 1 : 0) + Object.values(badges).reduce((a, b) => a + b, 0);
      l.record.shown = { panel, badges, count, settled, ...(url ? { url } : {}) };
      await save(l);
    },

    /** Settings changed: no computation made with the old ones is handed out again. */
    settingsChanged(): void {
      for (const l of live.values()) l.pending = null;
    },
  };
}
