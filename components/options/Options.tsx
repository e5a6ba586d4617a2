import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { SITES, type SiteSetting } from '@/utils/core/sites';
import {
  DEFAULT_SETTINGS,
  exportSettings,
  importTooLarge,
  parseImport,
  SETTING_SCHEMAS,
  SILENCE_HINT,
  type Settings,
} from '@/utils/schema/settings';

export interface DataFacts {
  version: string;
  /** The index of every github/dmca notice. */
  index: { notices: number; repos: number; snapshot: string; commit: string };
  /** The curated stories and their threads. */
  curated: { stories: number; threads: number; topics: number; comments: number; notices: number; repos: number; snapshot: string };
}

export interface OptionsProps {
  load(): Promise<Settings>;
  /** Change these keys, keeping the others as stored now; resolves to what is stored after. */
  save(patch: Partial<Settings>): Promise<Settings>;
  /** Calls back when the stored settings change (another tab, the popup); returns the unsubscribe. */
  watch?(changed: () => void): () => void;
  facts: DataFacts;
  /** Offer a file download (the options page passes a real implementation; tests can spy on it). */
  download(name: string, text: string): void;
  /** The keyboard shortcut that shows or hides the panel, as the browser has it, and where to change it. */
  shortcut?: { keys: string | null; where: string };
  /** Newer notices on request (components/options/NoticeUpdates.tsx), shown in About the data. */
  noticeUpdates?: ComponentChildren;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

function Radio<K extends 'panel' | 'theme' | 'detection'>({
  name,
  legend,
  value,
  options,
  onChange,
}: {
  name: K;
  legend: string;
  value: Settings[K];
  options: [Settings[K], string][];
  onChange(v: Settings[K]): void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label key={String(v)} class="choice">
          <input type="radio" name={name} value={String(v)} checked={value === v} onChange={() => onChange(v)} /> {label}
        </label>
      ))}
    </fieldset>
  );
}

function Check({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange(v: boolean): void;
}) {
  return (
    <label class="check" for={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      <span>
        {label}
        {hint && <small>{hint}</small>}
      </span>
    </label>
  );
}

/**
 * A validated list of entries, one per line. It saves itself (half a second after typing stops, or on
 * leaving the field) when every entry is valid; an invalid entry is named inline and nothing is saved.
 */
function ListField({
  id,
  label,
  hint,
  value,
  check,
  onSave,
}: {
  id: string;
  label: string;
  hint: string;
  value: string[];
  check(entries: string[]): { ok: true; entries: string[] } | { ok: false; bad: string[] };
  onSave(entries: string[]): void;
}) {
  const [text, setText] = useState(value.join('\n'));
  const [error, setError] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The timer's save runs half a second after the render that started it: it reads the list as it is then.
  const current = useRef(value);
  current.current = value;
  useEffect(() => setText(value.join('\n')), [value.join('\n')]);
  const saveList = (t: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const r = check(
      t
        .split(/[\n,]+/)
        .map((x) => x.trim())
        .filter(Boolean),
    );
    if (!r.ok) {
      setError(`Not saved: ${r.bad.map((b) => `“${b}”`).join(', ') || 'too many entries'} — ${hint}.`);
      return;
    }
    setError('');
    if (r.entries.join('\n') !== current.current.join('\n')) onSave(r.entries);
  };
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return (
    <>
      <label for={id} class="block">
        {label} <small>one per line: {hint}. Saved as you type.</small>
      </label>
      <textarea
        id={id}
        rows={3}
        value={text}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={`${id}-error`}
        onInput={(e) => {
          const t = (e.currentTarget as HTMLTextAreaElement).value;
          setText(t);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => saveList(t), 500);
        }}
        onBlur={(e) => saveList((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <div id={`${id}-error`}>
        {error && (
          <span class="field-error" role="alert">
            {error}
          </span>
        )}
      </div>
    </>
  );
}

function checker(schema: typeof SETTING_SCHEMAS.silence | typeof SETTING_SCHEMAS.llamaAlways) {
  return (entries: string[]): { ok: true; entries: string[] } | { ok: false; bad: string[] } => {
    const r = schema.safeParse(entries);
    if (r.success) return { ok: true, entries: [...new Set(r.data)] };
    return { ok: false, bad: entries.filter((e) => !schema.element.safeParse(e).success) };
  };
}

/** A site's switch (utils/core/sites.ts) as a settings change. */
function siteSwitch(key: SiteSetting, on: boolean): Partial<Settings> {
  // A computed key of a union type reads as a string index: the key is one of the switches.
  return { [key]: on } as Record<SiteSetting, boolean>;
}

/** Save a change; resolves false (and the page shows why) when it could not be saved. */
type Update = (patch: Partial<Settings>, message?: string) => Promise<boolean>;

function WhereSection({ s, update }: { s: Settings; update: Update }) {
  return (
    <section aria-labelledby="where">
      <h2 id="where">Where Backstory works</h2>
      {SITES.map((site) => (
        <Check
          key={site.setting}
          id={site.setting}
          label={`On ${site.name}`}
          checked={s[site.setting]}
          onChange={(v) => void update(siteSwitch(site.setting, v))}
        />
      ))}
      <ListField
        id="silence"
        label="Stay silent on these sites and repos"
        hint={SILENCE_HINT}
        value={s.silence}
        check={checker(SETTING_SCHEMAS.silence)}
        onSave={(silence) => void update({ silence })}
      />
    </section>
  );
}

function Shortcut({ shortcut }: { shortcut: NonNullable<OptionsProps['shortcut']> }) {
  return (
    <p class="hint" id="shortcut">
      Keyboard shortcut to show or hide the panel: {shortcut.keys ? <kbd>{shortcut.keys}</kbd> : 'none set'}. Change it at{' '}
      <code>{shortcut.where}</code>.
    </p>
  );
}

function PanelSection({ s, update, shortcut }: { s: Settings; update: Update; shortcut?: OptionsProps['shortcut'] }) {
  return (
    <section aria-labelledby="panel">
      <h2 id="panel">The panel</h2>
      <Radio
        name="panel"
        legend="When a page has a backstory"
        value={s.panel}
        options={[
          ['collapsed', 'One status line; the details when I click it (default)'],
          ['open', 'Open, with all the details'],
          ['ask', 'Only when I ask (toolbar button or keyboard shortcut)'],
        ]}
        onChange={(v) => void update({ panel: v })}
      />
      {shortcut && <Shortcut shortcut={shortcut} />}
      <Radio
        name="theme"
        legend="Theme"
        value={s.theme}
        options={[
          ['site', 'Follow the site'],
          ['light', 'Light'],
          ['dark', 'Dark'],
        ]}
        onChange={(v) => void update({ theme: v })}
      />
      <Check
        id="tangents"
        label="Show tangent topics"
        hint="Subthreads that wander off the story's subject"
        checked={s.tangents}
        onChange={(v) => void update({ tangents: v })}
      />
    </section>
  );
}

function LinksSection({ s, update }: { s: Settings; update: Update }) {
  return (
    <section aria-labelledby="links">
      <h2 id="links">Links</h2>
      <Check
        id="badges"
        label="Badge links to known repos, notices and threads"
        checked={s.badges}
        onChange={(v) => void update({ badges: v })}
      />
      <Radio
        name="detection"
        legend="LLaMA-related repositories"
        value={s.detection}
        options={[
          ['dataset', 'Only those in the dataset'],
          ['heuristic', 'The dataset plus name and description clues'],
        ]}
        onChange={(v) => void update({ detection: v })}
      />
      {(
        [
          ['llama-always', 'Always treat as LLaMA-related', 'llamaAlways'],
          ['llama-never', 'Never treat as LLaMA-related', 'llamaNever'],
        ] as const
      ).map(([id, label, key]) => (
        <ListField
          key={id}
          id={id}
          label={label}
          hint="owner/name"
          value={s[key]}
          check={checker(SETTING_SCHEMAS[key])}
          onSave={(list) => void update({ [key]: list })}
        />
      ))}
    </section>
  );
}

/**
 * "Reset to defaults" asks first (it clears the silenced lists too), and once done offers to undo: the
 * settings as they were are kept on this page until it closes.
 */
function ResetButton({ s, update }: { s: Settings; update: Update }) {
  const [asking, setAsking] = useState(false);
  const [before, setBefore] = useState<Settings | null>(null);
  if (asking)
    return (
      <span class="confirm" role="group" aria-label="Reset to defaults?">
        Reset every setting, the silenced sites, repos and notices included?{' '}
        <button
          type="button"
          class="danger"
          onClick={async () => {
            const was = s;
            setAsking(false);
            if (await update({ ...DEFAULT_SETTINGS }, 'Back to the defaults.')) setBefore(was);
          }}
        >
          Reset
        </button>{' '}
        <button type="button" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </span>
    );
  return (
    <>
      <button type="button" class="danger" onClick={() => setAsking(true)}>
        Reset to defaults…
      </button>
      {before && (
        <button
          type="button"
          onClick={async () => {
            if (await update(before, 'Your settings are back as they were.')) setBefore(null);
          }}
        >
          Undo reset
        </button>
      )}
    </>
  );
}

function BackupSection({
  s,
  update,
  onImport,
  download,
}: {
  s: Settings;
  update: Update;
  onImport(f: File): void;
  download: OptionsProps['download'];
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <section aria-labelledby="backup">
      <h2 id="backup">Backup</h2>
      <div class="row">
        <button type="button" onClick={() => download('backstory-settings.json', exportSettings(s))}>
          Export settings…
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          Import settings…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          class="hidden"
          aria-label="Settings file to import"
          onChange={(e) => {
            const f = (e.currentTarget as HTMLInputElement).files?.[0];
            if (f) void onImport(f);
            (e.currentTarget as HTMLInputElement).value = '';
          }}
        />
        <ResetButton s={s} update={update} />
      </div>
    </section>
  );
}

function AboutSection({ facts, children }: { facts: DataFacts; children?: ComponentChildren }) {
  return (
    <section aria-labelledby="about">
      <h2 id="about">About the data</h2>
      <p>
        <strong>Backstory makes no network requests</strong> unless you ask it to fetch newer DMCA notices (below). Everything it shows
        comes from a dataset bundled in the extension; what you browse is never sent anywhere.
      </p>
      <h3>Every GitHub DMCA notice</h3>
      <dl class="facts">
        <dt>Notices, counter-notices, retractions and reversals</dt>
        <dd>{facts.index.notices.toLocaleString('en-US')}</dd>
        <dt>Repositories they name</dt>
        <dd>{facts.index.repos.toLocaleString('en-US')}</dd>
        <dt>github/dmca snapshot</dt>
        <dd>
          {facts.index.snapshot} (commit <code>{facts.index.commit.slice(0, 12)}</code>)
        </dd>
      </dl>
      {children}
      <h3>Curated stories</h3>
      <dl class="facts">
        <dt>Dataset version</dt>
        <dd>{facts.version}</dd>
        <dt>Stories</dt>
        <dd>{facts.curated.stories}</dd>
        <dt>Hacker News threads</dt>
        <dd>{facts.curated.threads}</dd>
        <dt>Topics</dt>
        <dd>{facts.curated.topics}</dd>
        <dt>Comments</dt>
        <dd>{facts.curated.comments}</dd>
        <dt>Notices annotated</dt>
        <dd>{facts.curated.notices}</dd>
        <dt>Repositories annotated</dt>
        <dd>{facts.curated.repos}</dd>
        <dt>Thread snapshot</dt>
        <dd>{facts.curated.snapshot}</dd>
      </dl>
    </section>
  );
}

export function Options({ load, save, watch, facts, download, shortcut, noticeUpdates }: OptionsProps) {
  const [s, setS] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>(null);
  /** Changes on their way to storage: shown at once, and over anything read before they land. */
  const pending = useRef<Partial<Settings>[]>([]);
  const show = (stored: Settings) => setS(Object.assign({ ...stored }, ...pending.current));
  /** Saves begun so far: a read begun before a save is older than what that save answers, so it is not shown. */
  const saves = useRef(0);
  const reload = () => {
    const at = saves.current;
    return load().then((stored) => at === saves.current && show(stored));
  };

  useEffect(() => {
    void reload();
    // What is stored is what the page shows: a change made in another tab or the popup shows here too.
    return watch?.(() => void reload());
  }, []);

  if (!s) return <p>Loading…</p>;

  // Saves only the keys changed (never a copy of `s`, which may be older than what is stored: another
  // tab's change, or this page's own a moment ago when a list's timer fires after a switch was flipped).
  const update: Update = async (patch, message = 'Saved. Open tabs update right away.') => {
    pending.current.push(patch);
    saves.current++;
    setS((cur) => cur && { ...cur, ...patch });
    const done = () => (pending.current = pending.current.filter((p) => p !== patch));
    try {
      const stored = await save(patch);
      done();
      show(stored);
    } catch (e) {
      done();
      // The page shows what is stored: a setting that did not save is not shown as set.
      setStatus({ kind: 'error', text: `${(e as Error).message}` });
      await reload(); // re-render from what is stored: a toggled control goes back
      return false;
    }
    setStatus({ kind: 'ok', text: message });
    return true;
  };

  const onImport = async (file: File) => {
    // The size first: a 10 MB file is refused without being read.
    const tooLarge = importTooLarge(file.size);
    if (tooLarge) {
      setStatus({ kind: 'error', text: tooLarge });
      return;
    }
    const r = parseImport(await file.text());
    if (!r.ok) {
      setStatus({ kind: 'error', text: r.error });
      return;
    }
    await update(r.settings, 'Imported. Open tabs update right away.');
  };

  return (
    <main class="options">
      <header>
        <h1>
          <span class="logo" aria-hidden="true">
            ◆
          </span>{' '}
          Backstory settings
        </h1>
        <p class="lead">The discussion and DMCA history behind GitHub repos and notices, from a dataset inside the extension.</p>
      </header>

      {status && (
        <div class={`status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text.split('\n').map((l, i) => (
            <div key={i}>{l}</div>
          ))}
        </div>
      )}
      <WhereSection s={s} update={update} />
      <PanelSection s={s} update={update} shortcut={shortcut} />
      <LinksSection s={s} update={update} />
      <BackupSection s={s} update={update} onImport={(f) => void onImport(f)} download={download} />
      <AboutSection facts={facts}>{noticeUpdates}</AboutSection>
    </main>
  );
}
