import { githubSite } from '@/utils/github-site';
import { runPage } from '@/utils/page-controller';

export default defineContentScript({
  matches: ['https://github.com/*'],
  runAt: 'document_start',
  main(ctx) {
    try {
      runPage(ctx, githubSite);
    } catch (e) {
      console.debug('[Backstory]', e);
    }
  },
});
