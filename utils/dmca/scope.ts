/**
 * What a takedown asks for of one repo it names — one rule for the parser's output and the index: the
 * fork network when GitHub processed it that way, else what GitHub's form answer says, else what the
 * notice's URLs of that repo point at (the repository, or only files and paths inside it). Pure.
 */
import type { TakedownScope } from '../core/model';

export function takedownScope(n: { network: unknown; asks: { value: 'whole' | 'files' } | null }, filesOnly: boolean): TakedownScope {
  if (n.network) return 'network';
  if (n.asks) return n.asks.value;
  return filesOnly ? 'files' : 'whole';
}
