/** `search` (popup): look up a repo, notice or topic; each result with a one-line hint. */
import { searchHint, searchTitle } from '../../core/words';
import type { ReplyTo, RequestOf } from '../../schema/messages';
import { detectorFor, type Services } from '../services';

export async function handleSearch(req: RequestOf<'search'>, s: Services): Promise<ReplyTo<'search'>> {
  const k = await s.knowledge();
  await k.prepareAll();
  const detect = detectorFor(k, await s.settings());
  const detected = (repo: string) => {
    const d = detect(repo);
    return d ? k.detectedPanel(`repo:${repo}`, d.reasons) : null;
  };
  const results = k.search(req.query, detected).map((h) => ({
    subject: h.subject,
    title: searchTitle(h.facts, h.title),
    hint: h.summary ?? (h.facts ? searchHint(h.facts) : ''),
    panel: h.panel,
  }));
  return { type: 'search', results };
}
