import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createOutline } from '@/utils/ui/outline';
import { installOutline } from '@/utils/content/ui-loader';

// The HN thread outline: declared only on the pages of the dataset's threads (wxt.config.ts), after /ui.js,
// whose Preact it renders with.
export default defineUnlistedScript(() => {
  installOutline((life, data, redraw, ui) => (data.threads[0]?.outline ? createOutline(life, data, redraw, ui) : null));
});
