import { render } from 'preact';
import { Options } from '@/components/options/Options';
import '@/components/pages.css';
import { bundledDataset as d } from '@/utils/dataset/bundled';
import { loadSettings, saveSettings } from '@/utils/storage/settings';

const facts = {
  version: d.meta.version,
  threads: 1 + d.thread.related.length,
  topics: d.topics.length,
  comments: d.comments.length,
  notices: d.notices.length,
  repos: d.repos.length,
  threadSnapshot: d.meta.thread.snapshot,
  dmcaSnapshot: d.meta.dmca.snapshot,
  dmcaCommit: d.meta.dmca.commit,
};

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

render(<Options load={loadSettings} save={saveSettings} facts={facts} download={download} />, document.getElementById('app')!);
