/** Links and sourced facts: every URL the panel renders passes the allow-list here. */
import type { ComponentChildren } from 'preact';
import type { Sourced } from '@/utils/core/model';
import { safeHref } from '@/utils/core/safe-url';

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

/** Where a fact comes from: a link to the notice's line. */
export function Source({ href }: { href: string | null }) {
  if (!href) return null;
  const line = /#L(\d+)$/.exec(href)?.[1];
  return (
    <>
      {' '}
      <SafeLink href={href} class="src">
        {line ? `line ${line}` : 'source'}
        <span class="sr"> of the notice, on github/dmca</span>
      </SafeLink>
    </>
  );
}

export function SourcedFact({ term, f }: { term: string; f: Sourced | null }) {
  if (!f) return null;
  return (
    <Fact term={term}>
      {f.value}
      <Source href={f.source} />
    </Fact>
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
