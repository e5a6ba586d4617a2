import { describe, expect, test } from 'vitest';
import { bundledDataset } from '@/utils/dataset/bundled';
import { createKnowledge } from '@/utils/knowledge/engine';
import { detectLlama, tokenize } from '@/utils/core/llama-detect';
import { evaluate } from '@/utils/core/llama-eval';
import { ALL_CASES, HELD_OUT, LABELLED } from '../fixtures/llama-repos';

test.each([
  ['llama.cpp', ['llama', 'cpp']],
  ['Llama-2-7b', ['llama', '2', '7b']],
  ['llama_index', ['llama', 'index']],
  ['ollama', ['ollama']],
  ['alpaca-lora', ['alpaca', 'lora']],
  ['LLamaSharp', ['llama', 'sharp']],
  ['LlamaIndexTS', ['llama', 'index', 'ts']],
  ['PurpleLlama', ['purple', 'llama']],
  ['llama2.c', ['llama2', 'c']],
  ['ik_llama.cpp', ['ik', 'llama', 'cpp']],
  ['DefiLlama-Adapters', ['defi', 'llama', 'adapters']],
  // LLaMA's capitals do not cut the word in two.
  ['GPTQ-for-LLaMa', ['gptq', 'for', 'llama']],
  ['LLaMA2-Accessory', ['llama2', 'accessory']],
  ['LlamaV2Chat', ['llama', 'v2', 'chat']],
])('tokenize(%s)', (name, tokens) => expect(tokenize(name)).toEqual(tokens));

describe('detectLlama', () => {
  test.each([
    ['ggerganov', 'llama.cpp', true],
    ['someone', 'Llama-2-7b-chat', true],
    ['tloen', 'alpaca-lora', true],
    ['someone', 'vicuna-13b', true],
    ['meta-llama', 'PurpleLlama', true],
    ['ollama', 'ollama', false],
    ['run-llama', 'llama_index', false],
    ['alpacahq', 'alpaca-trade-api-python', false],
    ['gitana', 'alpaca', false],
    ['DefiLlama', 'DefiLlama-Adapters', false],
    ['someone', 'llama-farm-game', false],
    ['advimman', 'lama', false],
    ['hiyouga', 'LLaMA-Factory', false],
    // Fused with a word, or a version and a word.
    ['jzhang38', 'TinyLlama', true],
    ['someone', 'chinesellama', true],
    ['someone', 'llama3chat', true],
    ['someone', 'openllama3b-finetune', true],
    ['someone', 'llamaguard-demo', true],
    // Ollama, llamafile and LlamaIndex tools are about LLMs in general, fused or not.
    ['someone', 'ollamaui', false],
    ['awaescher', 'OllamaSharp', false],
    ['Mozilla-Ocho', 'llamafile', false],
    ['someone', 'Llamas-of-the-Andes', false],
  ])('link %s/%s → %s', (owner, name, related) => expect(detectLlama({ owner, name }).related).toBe(related));

  test('reasons say why, in words a person can check', () => {
    expect(detectLlama({ owner: 'someone', name: 'llama2-finetune', topics: ['llama2'] }).reasons).toEqual([
      'its name contains “llama2”',
      'topic “llama2”',
    ]);
    expect(detectLlama({ owner: 'tloen', name: 'alpaca-lora' }).reasons).toEqual([
      'its name pairs “alpaca” with “lora” (a LLaMA fine-tune)',
    ]);
    expect(detectLlama({ owner: 'someone', name: 'tool', description: 'Download the LLaMA weights fast' }).reasons).toContain(
      'description mentions LLaMA weights',
    );
  });

  test('ambiguous words are weighed by context on a repo page', () => {
    // An ambiguous name its description ties to LLaMA is a fine-tune (KoAlpaca, medAlpaca)…
    expect(detectLlama({ owner: 'someone', name: 'alpaca', description: 'Instruction-following LLaMA fine-tune' }).related).toBe(true);
    expect(
      detectLlama({ owner: 'Beomi', name: 'KoAlpaca', description: 'A Korean instruction-following model built on LLaMA' }).related,
    ).toBe(true);
    // …but not on its name alone, nor with a description about something else.
    expect(detectLlama({ owner: 'Beomi', name: 'KoAlpaca' }).related).toBe(false);
    expect(
      detectLlama({ owner: 'someone', name: 'alpaca', description: 'Trading bot; uses a Llama 2 model for news sentiment' }).related,
    ).toBe(false);
    expect(detectLlama({ owner: 'someone', name: 'alpaca-7b', description: 'Alpaca 7B weights, fine-tuned from LLaMA' }).related).toBe(
      true,
    );
    expect(detectLlama({ owner: 'someone', name: 'alpaca-7b', description: 'A stock trading bot', topics: ['trading'] }).related).toBe(
      false,
    );
  });

  test('the dataset comes first, and the user lists override everything', () => {
    const known = new Map([['cocktailpeanut/dalai', 'Dalai']]);
    expect(detectLlama({ owner: 'cocktailpeanut', name: 'dalai' }, { known }).related).toBe(true);
    expect(detectLlama({ owner: 'cocktailpeanut', name: 'dalai' }).related).toBe(false);
    expect(detectLlama({ owner: 'ollama', name: 'ollama' }, { always: new Set(['ollama/ollama']) })).toMatchObject({
      related: true,
      reasons: ['on your "always LLaMA-related" list'],
      fromUserList: true,
    });
    expect(detectLlama({ owner: 'ggerganov', name: 'llama.cpp' }, { never: new Set(['ggerganov/llama.cpp']) }).related).toBe(false);
  });
});

describe('measured precision and recall (npm run eval:detect prints the details)', () => {
  const known = createKnowledge(bundledDataset, null).llamaRepos();
  test.each([
    ['the labelled list', LABELLED],
    ['the held-out set (issue #14)', HELD_OUT],
    ['all 152 cases', ALL_CASES],
  ])('%s: links (name only) precision ≥ 0.95, recall ≥ 0.85; repo pages precision ≥ 0.97, recall ≥ 0.95', (_, cases) => {
    const links = evaluate(cases, 'link', { known });
    const pages = evaluate(cases, 'page', { known });
    expect(links.precision).toBeGreaterThanOrEqual(0.95);
    expect(links.recall).toBeGreaterThanOrEqual(0.85);
    expect(pages.precision).toBeGreaterThanOrEqual(0.97);
    expect(pages.recall).toBeGreaterThanOrEqual(0.95);
  });
  test('the labelled table matches the shared list when it is present', async () => {
    const { existsSync, readFileSync } = await import('node:fs');
    const { SHARED_DATA_DIR } = await import('@/utils/node/files');
    const path = `${SHARED_DATA_DIR}/repos/public.tsv`;
    if (!existsSync(path)) return console.warn('[llama-detect.test] ../shared/data not found: skipping the comparison with public.tsv');
    const rows = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('\t').slice(0, 2).join(' '));
    expect(LABELLED.map((c) => `${c.repo} ${c.label}`)).toEqual(rows);
  });
});
