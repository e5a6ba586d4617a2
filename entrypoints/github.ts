/**
 * The GitHub content script: declared in the manifest (wxt.config.ts, `content_scripts`) at
 * document_start on https://github.com/*. An unlisted script rather than a WXT content script: WXT's content-script
 * context (~2.5 kB of location watcher and old-copy signalling) is not used here — the page's lifetime
 * ends when the extension goes (utils/content/lifetime.ts) — and these scripts run on every page.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { githubSite } from '@/utils/content/sites/github';
import { startPage } from '@/utils/content/session';

export default defineUnlistedScript(() => {
  try {
    startPage(githubSite);
  } catch (e) {
    console.debug('[Backstory]', e);
  }
});
