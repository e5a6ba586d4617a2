/** The background's message handler: validate, answer from the dataset, ignore everything else. */
import type { Dataset } from './dataset/schema';
import { buildKnowledge, type Knowledge } from './knowledge';
import { parseRequest } from './protocol-schema';
import type { Response } from './protocol';

export interface SenderInfo {
  id?: string | undefined;
}

export function createHandler(loadDataset: () => Dataset, ownId: string, log: (...a: unknown[]) => void = console.warn) {
  let knowledge: Knowledge | undefined;
  const know = () => (knowledge ??= buildKnowledge(loadDataset()));
  return function handle(message: unknown, sender: SenderInfo): Response | undefined {
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
    return { type: 'panel', data: know().panel(req.subject, req.networkRoot) };
  };
}
