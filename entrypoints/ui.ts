import { mountPanel } from '@/utils/panel-mount';
import { createOutline } from '@/utils/hn-outline';
import { installUi } from '@/utils/ui-api';

// Injected by the background into pages that have a panel (see utils/ui-api.ts).
export default defineUnlistedScript(() => {
  installUi({ mountPanel, outline: (ctx, data, redraw) => (data.outline ? createOutline(ctx, data, redraw) : null) });
});
