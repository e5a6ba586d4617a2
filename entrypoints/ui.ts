import { h, render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountPanel } from '@/utils/ui/mount';
import { installUi } from '@/utils/content/ui-loader';

// Injected by the background into pages that have a panel, declared up front on the dataset's pages
// (wxt.config.ts; utils/content/ui-loader.ts). Preact goes with it for /outline.js's views.
export default defineUnlistedScript(() => {
  installUi({ mountPanel, h, render });
});
