import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options, type DataFacts } from '@/components/options/Options';
import '@/components/pages.css';
// The index's manifest, for its counts only (7 kB of JSON; the index itself stays in the background).
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import dmcaManifest from '@/public/dmca/manifest.json';
import type { DatasetFacts } from '@/utils/dataset/facts';
import { loadSettings, patchSettings, watchSettings } from '@/utils/storage/settings';

/** The curated dataset's counts, computed at build time (wxt.config.ts): the dataset itself is the background's. */
declare const __BACKSTORY_DATA_FACTS__: DatasetFacts;
const d = __BACKSTORY_DATA_FACTS__;

const facts: DataFacts = {
  version: d.version,
  index: { notices: dmcaManifest.notices, repos: dmcaManifest.repos, snapshot: d.dmca.snapshot, commit: d.dmca.commit },
  curated: d.curated,
};

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function shortcut(): Promise<{ keys: string | null; where: string }> {
  const where = import.meta.env.FIREFOX ? 'about:addons → ⚙ → Manage Extension Shortcuts' : 'chrome://extensions/shortcuts';
  try {
    const all = await browser.commands.getAll();
    return { keys: all.find((c) => c.name === 'toggle-panel')?.shortcut || null, where };
  } catch {
    return { keys: null, where };
  }
}

void shortcut().then((sc) =>
  render(
    <Options load={loadSettings} save={patchSettings} watch={watchSettings} facts={facts} download={download} shortcut={sc} />,
    document.getElementById('app')!,
  ),
);
