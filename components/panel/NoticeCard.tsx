/** A notice's card: its facts, what answered it, and one source list linking each fact to its line. */
import type { NoticeCard as Card, TakedownScope } from '@/utils/core/model';
import {
  answerPartyLabel,
  CHANGES_OFFERED,
  EXPLAIN,
  FACT_LABEL,
  formatDate,
  grouped,
  kindTitle,
  NAMES_THIS,
  partyTerm,
  partyWord,
  plural,
  READ_NOTICE,
  sourceDocument,
  sourcesSummary,
  standingTone,
} from '@/utils/core/words';
import { Fact, SafeLink, SourcedFact, Sources, Term, type SourceLine } from './links';

function Answers({ n }: { n: Card }) {
  return (
    <>
      {n.answers.map((a) => (
        <div class="answer" key={a.path}>
          <strong>
            {a.kind in EXPLAIN ? <Term tip={EXPLAIN[a.kind as keyof typeof EXPLAIN]}>{kindTitle(a.kind)}</Term> : kindTitle(a.kind)}
          </strong>{' '}
          · {formatDate(a.date)}
          {a.party && (
            <>
              {' '}
              · {partyWord(a.kind)} {a.party.value}
            </>
          )}
          {a.concerns === 'others' ? ' · for other repositories it names' : ''}
          {a.inferred && (
            <>
              {' '}
              (
              <Term tip="Its text does not cite this notice; Backstory matched the two by the repositories or the party both name.">
                linked by Backstory
              </Term>
              )
            </>
          )}
          . {a.note ? `${a.note} ` : ''}
          <SafeLink href={a.url}>Read it</SafeLink>
        </div>
      ))}
    </>
  );
}

function RepoList({ repos, total }: { repos: string[]; total: number }) {
  const list = (
    <ul class="repos">
      {repos.map((r) => (
        <li key={r}>
          <SafeLink href={`https://github.com/${r}`}>{r}</SafeLink>
        </li>
      ))}
      {total > repos.length && <li class="more">and {total - repos.length} more</li>}
    </ul>
  );
  if (total <= 3) return list;
  return (
    <details class="repos-details">
      <summary>Repositories named ({total})</summary>
      {list}
    </details>
  );
}

/**
 * `namedAt`: where the notice names the panel's repo. `self`: the card of the page being shown (no link
 * to the page you are on). `context`: a fact of the story, not of this page's subject (neutral styling).
 */
/** A takedown card's colour: what became of it (its standing, for this page's subject), as its lead and badges say. */
const STANDING_CLASS = { ok: ' restored', disputed: ' disputed' } as const;

/** The card's facts with their lines, in the card's order; the answers' parties in their own files. */
function sourceLines(n: Card, namedAt: string | null | undefined): SourceLine[] {
  const of = sourceDocument();
  return [
    { label: FACT_LABEL.principal, href: n.principal?.source ?? null, of },
    { label: FACT_LABEL.sender, href: n.sender?.source ?? null, of },
    { label: partyTerm(n.kind), href: n.filer?.source ?? null, of },
    { label: FACT_LABEL.asks, href: n.asks?.source ?? null, of },
    { label: FACT_LABEL.textDate, href: n.textDate?.source ?? null, of },
    { label: FACT_LABEL.scope, href: n.network?.source ?? null, of },
    { label: FACT_LABEL.namedAt, href: namedAt ?? null, of },
    { label: FACT_LABEL.changesOffered, href: n.changesOffered, of },
    ...n.answers.map((a) => ({ label: answerPartyLabel(a), href: a.party?.source ?? null, of: sourceDocument(a.kind) })),
  ];
}

export function NoticeCard({
  n,
  namedAt,
  scope,
  self,
  context,
}: {
  n: Card;
  namedAt?: string | null;
  scope?: TakedownScope | undefined;
  self?: boolean;
  context?: boolean;
}) {
  // A takedown's colour is what became of it, as on its status line and its badges: restored, disputed, or standing.
  const tone = n.kind === 'takedown' ? standingTone(n.standing) : null;
  const answered = tone ? STANDING_CLASS[tone] : '';
  return (
    <section
      class={`card notice kind-${n.kind}${answered}${context ? ' context' : ''}`}
      aria-label={`${kindTitle(n.kind)} of ${formatDate(n.date)}`}
    >
      <h3>
        <span class="kind">
          {n.kind in EXPLAIN ? <Term tip={EXPLAIN[n.kind as keyof typeof EXPLAIN]}>{kindTitle(n.kind)}</Term> : kindTitle(n.kind)}
        </span>{' '}
        · {formatDate(n.date)}
        {n.llama === 'inferred' && (
          <span class="tag" title="The notice does not name LLaMA; the link is inferred from repository names">
            LLaMA link inferred
          </span>
        )}
      </h3>
      <dl>
        <SourcedFact term={FACT_LABEL.principal} f={n.principal} />
        <SourcedFact term={FACT_LABEL.sender} f={n.sender} />
        <SourcedFact term={partyTerm(n.kind)} f={n.filer} />
        {n.asks && (
          <Fact term={FACT_LABEL.asks}>{n.asks.value === 'files' ? 'specific files within the repository' : 'the entire repository'}</Fact>
        )}
        {n.textDate && <Fact term={FACT_LABEL.textDate}>{formatDate(n.textDate.value)}</Fact>}
        {(n.repoCount > 0 || !!n.network || !!n.gists) && (
          <Fact term={FACT_LABEL.scope}>
            {plural(n.repoCount, 'repository', 'repositories')} named
            {n.gists ? `, ${plural(n.gists, 'gist')}` : ''}
            {n.network && <>; GitHub processed it against the entire network of {grouped(n.network.value)} repositories</>}
          </Fact>
        )}
      </dl>
      {namedAt && <p class="named-at">{NAMES_THIS[scope ?? 'whole']}</p>}
      {n.changesOffered && <p class="note">{CHANGES_OFFERED}</p>}
      {n.repos.length > 0 && <RepoList repos={n.repos} total={n.repoCount} />}
      {n.note && <p class="note">{n.note}</p>}
      <Answers n={n} />
      {!self && (
        <p>
          <SafeLink href={n.url}>{READ_NOTICE}</SafeLink> <span class="file">({n.file})</span>
        </p>
      )}
      <Sources lines={sourceLines(n, namedAt)} summary={sourcesSummary(n)} />
    </section>
  );
}
