/**
 * The folder boundaries are enforced by the linter (eslint.config.js): a forbidden import or global in a
 * folder fails `npm run lint`. Each row lints a small file as if it lived at that path.
 */
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return r!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('folder boundaries', () => {
  test.each([
    ['utils/content/x.ts', "import { z } from 'zod';\nexport const s = z.string();", '@typescript-eslint/no-restricted-imports'],
    [
      'utils/content/x.ts',
      "import { buildKnowledge } from '../knowledge/engine';\nexport const k = buildKnowledge;",
      '@typescript-eslint/no-restricted-imports',
    ],
    [
      'utils/content/x.ts',
      "import { openIndex } from '../dmca/index-read';\nexport const o = openIndex;",
      '@typescript-eslint/no-restricted-imports',
    ],
    [
      'utils/content/x.ts',
      "import { MESSAGES } from '../schema/messages';\nexport const m = MESSAGES;",
      '@typescript-eslint/no-restricted-imports',
    ],
    [
      'utils/content/sites/x.ts',
      "import d from '../../dataset/data/meta.json';\nexport const v = d;",
      '@typescript-eslint/no-restricted-imports',
    ],
    ['entrypoints/github.ts', "import { z } from 'zod';\nexport const s = z;", '@typescript-eslint/no-restricted-imports'],
    // A new site's script is held to the same rules with no line of the lint config naming it.
    ['entrypoints/lobsters.ts', "import { z } from 'zod';\nexport const s = z;", '@typescript-eslint/no-restricted-imports'],
    ['utils/ui/x.ts', "import { z } from 'zod';\nexport const s = z;", '@typescript-eslint/no-restricted-imports'],
    [
      'components/panel/X.tsx',
      "import { SETTING_SCHEMAS } from '@/utils/schema/settings';\nexport const s = SETTING_SCHEMAS;",
      '@typescript-eslint/no-restricted-imports',
    ],
    ['utils/core/x.ts', 'export const t = document.title;', 'no-restricted-globals'],
    ['utils/core/x.ts', "import { browser } from 'wxt/browser';\nexport const b = browser;", '@typescript-eslint/no-restricted-imports'],
    ['utils/knowledge/x.ts', 'export const u = location.href;', 'no-restricted-globals'],
    [
      'utils/background/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;",
      '@typescript-eslint/no-restricted-imports',
    ],
    ['utils/background/x.ts', 'export const d = document.body;', 'no-restricted-globals'],
    ['utils/content/x.ts', 'export function f(el: Element, s: string) {\n  el.innerHTML = s;\n}', 'no-restricted-syntax'],
  ])('%s: forbidden code fails lint', async (path, code, rule) => {
    expect(await problems(path, code)).toContain(rule);
  });

  test.each([
    ['utils/content/x.ts', "import type { Request } from '../schema/messages';\nexport type R = Request;"],
    ['utils/content/x.ts', "import { subjectFromHref } from '../core/subjects';\nexport const s = subjectFromHref;"],
    ['utils/background/x.ts', "import { z } from 'zod';\nexport const s = z.string();"],
    ['entrypoints/background.ts', "import { createKnowledge } from '@/utils/knowledge/engine';\nexport const k = createKnowledge;"],
    ['entrypoints/ui.ts', "import { h } from 'preact';\nexport const x = h;"],
    ['utils/node/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;"],
  ])('%s: allowed code passes', async (path, code) => {
    expect(await problems(path, code)).toEqual([]);
  });
});
