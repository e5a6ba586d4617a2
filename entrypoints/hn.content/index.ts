import { hnSite } from '@/utils/hn-site';
import { runPage } from '@/utils/page-controller';

export default defineContentScript({
  matches: ['https://news.ycombinator.com/*'],
  runAt: 'document_start',
  main(ctx) {
    try {
      runPage(ctx, hnSite);
    } catch (e) {
      console.debug('[Backstory]', e);
    }
  },
});
