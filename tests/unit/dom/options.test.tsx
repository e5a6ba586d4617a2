// @vitest-environment happy-dom
/** The options page's component: what it saves (only what changed) and what it reads before it reads a file. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { Options, type DataFacts } from '@/components/options/Options';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/schema/settings';
import { resetPage, until } from './page';

const facts: DataFacts = {
  version: '1',
  index: { notices: 1, repos: 1, snapshot: 'x', commit: 'x'.repeat(40) },
  curated: { stories: 1, threads: 1, topics: 1, comments: 1, notices: 1, repos: 1, snapshot: 'x' },
};

afterEach(() => {
  render(null, document.body);
  resetPage();
});

async function mount() {
  let stored: Settings = { ...DEFAULT_SETTINGS };
  const save = vi.fn(async (patch: Partial<Settings>) => (stored = { ...stored, ...patch }));
  let changed = () => {};
  const props = {
    load: async () => stored,
    save,
    watch: (cb: () => void) => ((changed = cb), () => {}),
    facts,
    download: vi.fn(),
  };
  act(() => render(<Options {...props} />, document.body));
  await until(() => !!document.getElementById('github'));
  return {
    save,
    /** Another tab writes the storage. */
    elsewhere: (patch: Partial<Settings>) => ((stored = { ...stored, ...patch }), changed()),
  };
}

test('a change saves that key alone, and the page follows changes made elsewhere (issue 23)', async () => {
  const { save, elsewhere } = await mount();
  elsewhere({ github: false, silence: ['shawwn/llama-dl'] });
  await until(() => !(document.getElementById('github') as HTMLInputElement).checked);
  expect((document.getElementById('silence') as HTMLTextAreaElement).value).toBe('shawwn/llama-dl');
  const dark = document.querySelector('input[name="theme"][value="dark"]') as HTMLInputElement;
  act(() => dark.click());
  await until(() => save.mock.calls.length === 1);
  expect(save.mock.calls[0]).toEqual([{ theme: 'dark' }]);
});

test('an import file is refused by its size before it is read', async () => {
  await mount();
  const text = vi.fn(async () => '{}');
  const file = { name: 'big.json', size: 10_000_000, text } as unknown as File;
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => void input.dispatchEvent(new Event('change')));
  await until(() => !!document.querySelector('.status.error'));
  expect(document.querySelector('.status.error')!.textContent).toMatch(/^Nothing was changed\. The file is too large \(9766 kB\)/);
  expect(text).not.toHaveBeenCalled();
});

test('a read begun before a click and answered after its save does not undo the click (the B1 flake under load)', async () => {
  let stored: Settings = { ...DEFAULT_SETTINGS };
  let late: ((s: Settings) => void) | null = null;
  let changed = () => {};
  const props = {
    // The second read (after a change made elsewhere) is slow: it answers with what was stored when it began.
    load: vi.fn(async () => stored),
    save: vi.fn(async (patch: Partial<Settings>) => (stored = { ...stored, ...patch })),
    watch: (cb: () => void) => ((changed = cb), () => {}),
    facts,
    download: vi.fn(),
  };
  act(() => render(<Options {...props} />, document.body));
  await until(() => !!document.getElementById('github'));
  const before = { ...stored };
  // Another tab picks the dark theme; this page's read of it is slow, and the click lands meanwhile.
  stored = { ...stored, theme: 'dark' };
  props.load.mockImplementationOnce(() => new Promise<Settings>((r) => (late = () => r(before))));
  changed();
  const github = document.getElementById('github') as HTMLInputElement;
  act(() => github.click());
  await until(() => props.save.mock.calls.length === 1 && stored.github === false);
  await new Promise((r) => setTimeout(r, 0));
  await act(async () => late!(before));
  await new Promise((r) => setTimeout(r, 0));
  expect((document.getElementById('github') as HTMLInputElement).checked).toBe(false);
  // The other tab's change is not lost with the dropped read: the save answers with everything stored.
  expect((document.querySelector('input[name="theme"][value="dark"]') as HTMLInputElement).checked).toBe(true);
});
