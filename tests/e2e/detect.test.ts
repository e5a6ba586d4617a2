/**
 * LLaMA detection beyond the dataset, in real Chromium.
 * Test URLs: https://github.com/someone/llama-2-7b-chat (detected), https://github.com/alpacahq/alpaca-trade-api-python
 * (not), https://github.com/someone/ordinary-tool (always list), a page linking to detected repos.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { badges, launch, openDetails, panelHeight, panels, resetSettings, settle, waitForPanel, type Harness } from './harness';
import { repoPage } from '../fixtures/github';

let h: Harness;
beforeAll(async () => {
  h = await launch();
  h.serve(
    'https://github.com/someone/llama-2-7b-chat',
    repoPage({
      owner: 'someone',
      name: 'llama-2-7b-chat',
      description: 'Quantised Llama 2 7B chat weights for llama.cpp',
      topics: ['llama2', 'gguf'],
    }),
  );
  h.serve(
    'https://github.com/alpacahq/alpaca-trade-api-python',
    repoPage({
      owner: 'alpacahq',
      name: 'alpaca-trade-api-python',
      description: 'Python client for the Alpaca trading API',
      topics: ['trading', 'stocks'],
    }),
  );
  h.serve(
    'https://github.com/someone/ordinary-tool',
    repoPage({ owner: 'someone', name: 'ordinary-tool', description: 'A command-line tool' }),
  );
  h.serve(
    'https://github.com/someone/awesome-local-llms',
    repoPage({
      owner: 'someone',
      name: 'awesome-local-llms',
      readme:
        '<a href="/someone/llama-go">llama-go</a> <a href="/tloen/alpaca-lora">alpaca-lora</a> <a href="/alpacahq/alpaca-py">alpaca-py</a> <a href="/ollama/ollama">ollama</a>',
    }),
  );
});
afterAll(async () => {
  await h?.close();
});

test('a LLaMA-related repo not in the dataset gets the panel, saying why it matched', async () => {
  const page = await h.open('https://github.com/someone/llama-2-7b-chat');
  await waitForPanel(page, 'repo:someone/llama-2-7b-chat');
  const [p] = await panels(page);
  expect(p!.relations).toEqual(['llama']);
  // Only possibly related: nothing of a takedown is its own; its line says so, in neutral styling.
  expect(p!.outcome).toBe('none');
  expect(await panelHeight(page)).toBeLessThanOrEqual(56);
  const status = page.locator('backstory-panel button.status');
  expect(await status.getAttribute('title')).toMatch(
    /^May be related · to Meta's 2023 DMCA takedowns of LLaMA downloads · its name contains “llama/,
  );
  expect(await status.getAttribute('class')).toContain('tone-neutral');
  const open = await openDetails(page);
  expect(open.text).toContain('Why it may be related: its name contains “llama');
  expect(open.text).toContain('topic “llama2”');
  expect(open.text).not.toContain('`');
  expect(open.text).toContain('Are fine-tunes and LoRAs derivatives?');
  // The story's notice is context, collapsed and neutral, never this repo's own card.
  expect(await page.locator('backstory-panel section.card.notice:not(.context)').count()).toBe(0);
  expect(await page.locator('backstory-panel details.context').count()).toBe(1);
  await page.close();
});

test('an Alpaca trading repo shows nothing', async () => {
  const page = await h.open('https://github.com/alpacahq/alpaca-trade-api-python');
  await settle(page);
  expect(await panels(page)).toEqual([]);
  expect(h.pageErrors).toEqual([]);
  await page.close();
});

test('links to detected repos get a LLaMA badge; look-alikes do not', async () => {
  const page = await h.open('https://github.com/someone/awesome-local-llms');
  await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length >= 2);
  await settle(page);
  expect((await badges(page)).map((b) => b.subject).sort()).toEqual(['repo:someone/llama-go', 'repo:tloen/alpaca-lora']);
  await page.close();
});

test('always / never lists from the options page take effect live', async () => {
  const tool = await h.open('https://github.com/someone/ordinary-tool');
  const chat = await h.open('https://github.com/someone/llama-2-7b-chat');
  await waitForPanel(chat, 'repo:someone/llama-2-7b-chat');
  await settle(tool);
  expect(await panels(tool)).toEqual([]);
  const opts = await h.open(`chrome-extension://${h.extensionId}/options.html`);
  await opts.getByText('About the data').waitFor();
  // Lists save themselves as you type (half a second after the last key, or on leaving the field).
  await opts.locator('#llama-always').fill('someone/ordinary-tool');
  await waitForPanel(tool, 'repo:someone/ordinary-tool');
  // The user's own list is never rendered into the page: the panel says "may be related", not why.
  const toolText = (await openDetails(tool)).text;
  expect(toolText).toContain('May be related');
  expect(toolText).not.toMatch(/your[^{]*list|always LLaMA/i);
  await opts.locator('#llama-never').fill('someone/llama-2-7b-chat\nnot valid');
  await opts.getByText(/Not saved: “not valid”/).waitFor();
  await opts.locator('#llama-never').fill('someone/llama-2-7b-chat');
  await chat.waitForFunction(() => !document.querySelector('backstory-panel'));
  await resetSettings(h);
  await opts.close();
  await tool.close();
  await chat.close();
});
