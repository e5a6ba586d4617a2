import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import '@/components/pages.css';
import { loadSettings, patchSettings } from '@/utils/storage/settings';
import { createSend } from '@/utils/core/send';
import { siteAt } from '@/utils/core/sites';

async function activeTab(): Promise<{ id: number; host: string | null } | null> {
  // `?tabId=` lets the e2e tests open the popup as a page for a given tab.
  const param = Number(new URLSearchParams(location.search).get('tabId'));
  const tab =
    Number.isInteger(param) && param > 0
      ? await browser.tabs.get(param)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return null;
  let host: string | null;
  try {
    host = tab.url ? new URL(tab.url).hostname : null;
  } catch {
    host = null;
  }
  return { id: tab.id, host };
}

async function main() {
  const tab = await activeTab();
  const settings = await loadSettings();
  const key = (tab?.host && siteAt(tab.host)?.setting) ?? null;
  render(
    <Popup
      tab={tab}
      send={createSend((m) => browser.runtime.sendMessage(m))}
      siteEnabled={key ? settings[key] : null}
      setSiteEnabled={async (on) => {
        if (key) await patchSettings({ [key]: on });
      }}
    />,
    document.getElementById('app')!,
  );
}

void main();
