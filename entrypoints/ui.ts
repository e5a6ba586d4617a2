import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountPanel } from '@/utils/ui/mount';
import { createOutline } from '@/utils/ui/outline';
import { installUi } from '@/utils/content/ui-loader';

// Injected by the background into pages that have a panel (see utils/ui-api.ts).
export default defineUnlistedScript(() => {
  installUi({ mountPanel, outline: (life, data, redraw) => (data.threads[0]?.outline ? createOutline(life, data, redraw) : null) });
});
