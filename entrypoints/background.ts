import { browser } from 'wxt/browser';
import { bundledDataset } from '@/utils/dataset/bundled';
import { createHandler } from '@/utils/background-handler';

export default defineBackground(() => {
  const handle = createHandler(() => bundledDataset, browser.runtime.id);
  browser.runtime.onMessage.addListener((message, sender) => {
    try {
      const response = handle(message, sender);
      return response === undefined ? undefined : Promise.resolve(response);
    } catch (e) {
      console.error('[Backstory] background error', e);
      return undefined;
    }
  });
});
