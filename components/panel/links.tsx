/** Links and sourced facts: every URL the panel renders passes the allow-list here. */
import type { ComponentChildren } from 'preact';
import type { Sourced } from '@/utils/core/model';
import { safeHref } from '@/utils/core/safe-url';
import { lineLink } from '@/utils/core/words';

/** An external link, rendered only when its URL passes the allow-list (https to an allowed host). */
export function SafeLink({
  href,
  children,
  class: cls,
  onCite,
}: {
  href: string | null;
  children: ComponentChildren;
  class?: string;
  onCite?: ((url: string) => boolean) | undefined;
}) {
  const url = safeHref(href);
  if (!url) return <span class={cls}>{children}</span>;
  return (
    <a
      class={cls}
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      onClick={onCite ? (e) => onCite(url) && e.preventDefault() : undefined}
    >
      {children}
    </a>
  );
}

export function Fact({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** A link's words (`lineLink`): what is shown, with what a screen reader hears around it. */
function LineWords({ w }: { w: ReturnType<typeof lineLink> }) {
  return (
    <>
      {w.before && <span class="sr">{w.before}</span>}
      {w.shown}
      <span class="sr">{w.after}</span>
    </>
  );
}

/** Where a fact comes from: a link to the notice's line. */
export function Source({ href }: { href: string | null }) {
  if (!href) return null;
  const line = /#L(\d+)$/.exec(href)?.[1] ?? null;
  return (
    <>
      {' '}
      <SafeLink href={href} class="src">
        <LineWords w={lineLink(line)} />
      </SafeLink>
    </>
  );
}

/** A fact as the record states it; its line is in its card's source list (`Sources`). */
export function SourcedFact({ term, f }: { term: string; f: Sourced | null }) {
  if (!f) return null;
  return <Fact term={term}>{f.value}</Fact>;
}

/** Where one fact of a card comes from: its label, the address of its line, and what that line is of. */
export interface SourceLine {
  label: string;
  href: string | null;
  /** The document the line is in ("the notice", "the counter-notice"). */
  of: string;
}

/**
 * One per card: the line of the record each of its facts comes from, behind one disclosure (a native
 * `<details>`: keyboard and screen readers open it as they open any), so the facts read without them.
 * `summary`: what it shows, and what a screen reader hears after it (which card's it is). Each link's name
 * carries its fact's label ("For: line 45 of the notice, on github/dmca"); the label shown before it is
 * for the eye only, so a screen reader does not hear it twice.
 */
export function Sources({ lines, summary }: { lines: readonly SourceLine[]; summary: { shown: string; hidden: string } }) {
  const shown = lines.flatMap((l) => {
    const url = safeHref(l.href);
    const line = url && /#L(\d+)$/.exec(url)?.[1];
    return url && line ? [{ ...l, href: url, line }] : [];
  });
  if (!shown.length) return null;
  return (
    <details class="sources">
      <summary>
        {summary.shown}
        <span class="sr">{summary.hidden}</span>
      </summary>
      <ul>
        {shown.map((l) => (
          <li key={l.label + l.href}>
            <span aria-hidden="true">{l.label} — </span>
            <SafeLink href={l.href} class="src">
              <LineWords w={lineLink(l.line, { label: l.label, document: l.of })} />
            </SafeLink>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * A DMCA term explained in one short sentence, shown on hover and on keyboard focus (drawn by CSS from
 * `data-tip`, so it adds nothing to the panel's text) and read by screen readers as its description.
 */
export function Term({ tip, children }: { tip: string; children: ComponentChildren }) {
  return (
    <span class="term" tabIndex={0} data-tip={tip} aria-description={tip}>
      {children}
    </span>
  );
}
