/** The background's message handler: validate, answer from the dataset, ignore everything else. */
import type { Dataset } from './dataset/schema';
import { buildKnowledge, type Knowledge } from './knowledge';
import { createPanelStateStore, type KeyValueArea } from './panel-state';
import { parseRequest } from './protocol-schema';
import type { Response } from './protocol';

export interface SenderInfo {
  id?: string | undefined;
}

export function createHandler(loadDataset: () => Dataset, ownId: string, area: KeyValueArea, log: (...a: unknown[]) => void = console.warn) {
  let knowledge: Knowledge | undefined;
  const know = () => (knowledge ??= buildKnowledge(loadDataset()));
  const states = createPanelStateStore(area);
  /** Undefined when the message is not ours to answer; a value or a promise of one otherwise. */
  return function handle(message: unknown, sender: SenderInfo): Response | Promise<Response> | undefined {
    if (sender.id !== ownId) {
      log('[Backstory] ignored a message from another sender');
      return undefined;
    }
    const parsed = parseRequest(message);
    if (!parsed.ok) {
      log(`[Backstory] ignored a malformed message: ${parsed.error}`);
      return undefined;
    }
    const req = parsed.request;
    if (req.type === 'lookup') return { type: 'lookup', known: know().lookup(req.subjects) };
    if (req.type === 'panelState') return states.set(req.subject, req.state).then(() => ({ type: 'ok' }) as const);
    const filter = know().filter();
    const data = (req.subject ? know().panel(req.subject, req.networkRoot) : null) ?? (req.fallback ? know().panel(req.fallback) : null);
    if (!data) return { type: 'page', data: null, state: 'open', filter };
    return states.get(data.subject).then((state) => ({ type: 'page', data, state, filter }) as const);
  };
}
