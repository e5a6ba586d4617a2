import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createOutline } from '@/utils/ui/outline';
import { installOutline } from '@/utils/content/ui-loader';

// The HN thread outline: declared only on the pages of the dataset's threads (wxt.config.ts), injected with
// /ui.js elsewhere (before it: the panel mounts when /ui.js runs). It renders with /ui.js's Preact, handed
// over when the panel calls it: nothing runs at load but the registration.
export default defineUnlistedScript(() => {
  installOutline((life, data, redraw, ui) => (data.threads[0]?.outline ? createOutline(life, data, redraw, ui) : null));
});
