/**
 * The panel's first paint, before its code (/ui.js) has arrived: the same host (contract
 * attributes included) with a one-line header — Backstory, the subject, why — in plain DOM. The
 * full panel replaces it in place as soon as the code is there (usually within the same frame;
 * on a heavy page, after its first layout). Small on purpose: it is part of the hot content script.
 */
import { uiHost } from './badges';
import type { PanelData } from './protocol';

export const PANEL_TAG = 'backstory-panel';

const CSS =
  ':host{all:initial!important;display:block!important;margin:0 0 16px!important}' +
  'div{font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;padding:8px 12px;border:1px solid #d1d9e0;border-radius:6px;background:#f6f8fa;color:#59636e;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}' +
  'div.dark{background:#151b23;border-color:#3d444d;color:#9198a1}b{color:#8250df;margin-right:6px}';

export interface Skeleton {
  host: HTMLElement;
  remove(): void;
}

export function mountSkeleton(data: PanelData, place: (host: HTMLElement) => boolean, theme: 'dark' | 'light'): Skeleton {
  const host = uiHost(PANEL_TAG);
  host.setAttribute('data-subject', data.subject);
  host.setAttribute('data-relations', data.relations.join(' '));
  host.setAttribute('aria-busy', 'true');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const line = document.createElement('div');
  line.className = `bs-skeleton ${theme}`;
  line.setAttribute('role', 'status');
  const brand = document.createElement('b');
  brand.textContent = '◆ Backstory';
  line.append(brand, `${data.title}${data.reasons[0] ? ` — ${data.reasons[0]}` : ''}`);
  shadow.append(style, line);
  for (const el of document.querySelectorAll(PANEL_TAG)) el.remove();
  if (!place(host)) {
    host.setAttribute('data-placement', 'floating');
    document.body.append(host);
  }
  return { host, remove: () => host.remove() };
}
