import { defineContentScript } from 'wxt/utils/define-content-script';
import { githubSite } from '@/utils/content/sites/github';
import { startPage } from '@/utils/content/session';

export default defineContentScript({
  matches: ['https://github.com/*'],
  runAt: 'document_start',
  // WXT's legacy window.postMessage announcing the script costs ~2 ms per page (measured, bench)
  // and tells the page we are here; the CustomEvent WXT also sends is enough to stop old copies.
  noScriptStartedPostMessage: true,
  // WXT's context is not used: it ends on a document event any page can dispatch (utils/content/lifetime.ts).
  main() {
    try {
      startPage(githubSite);
    } catch (e) {
      console.debug('[Backstory]', e);
    }
  },
});
