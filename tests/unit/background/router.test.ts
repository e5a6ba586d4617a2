/** The router: only our own extension, only the role each message is for, only well-formed requests. */
import { describe, expect, test } from 'vitest';
import { roleOf } from '@/utils/background/router';
import { MESSAGES, type MessageType } from '@/utils/schema/messages';
import { GH, HN, ORIGIN, POPUP, setup } from './harness';

/** A valid request of each type. */
const VALID: Record<MessageType, Record<string, unknown>> = {
  page: { type: 'page', subject: 'repo:shawwn/llama-dl' },
  links: { type: 'links', hrefs: ['/shawwn/llama-dl'] },
  detect: { type: 'detect', subject: 'repo:a/llama-thing', info: { description: '', topics: [], readmeTitle: '' } },
  panelState: { type: 'panelState', subject: 'repo:shawwn/llama-dl', state: 'collapsed' },
  report: { type: 'report', panel: null, badges: {} },
  tabInfo: { type: 'tabInfo', tabId: 7 },
  search: { type: 'search', query: 'llama-dl' },
  showPanel: { type: 'showPanel', tabId: 7 },
  noticeUpdates: { type: 'noticeUpdates', action: 'status' },
};

const SENDERS = {
  'content script on github.com': GH,
  'content script on news.ycombinator.com': HN,
  'extension page (popup)': POPUP,
  'extension page opened in a tab': { ...POPUP, tab: { id: 3 } },
  'a page of another site': { id: 'self', url: 'https://evil.example/', tab: { id: 9 } },
  'github.com over http': { id: 'self', url: 'http://github.com/x/y', tab: { id: 9 } },
  'no URL': { id: 'self' },
  'another extension': { id: 'other', url: 'chrome-extension://other/popup.html' },
} as const;

describe('roles', () => {
  test.each([
    [GH, 'content'],
    [HN, 'content'],
    [POPUP, 'extension-page'],
    [{ ...POPUP, tab: { id: 3 } }, 'extension-page'],
    [{ id: 'self', url: 'https://github.com/x/y' }, null], // no tab: not a content script
    [{ id: 'self', url: 'https://evil.example/', tab: { id: 1 } }, null],
    [{ id: 'self', url: `${ORIGIN}.evil.example/x`, tab: { id: 1 } }, null],
  ])('%j plays %s', (sender, role) => {
    expect(roleOf(sender, ORIGIN)).toBe(role);
  });

  // Every message × every sender: answered only from the role the message is for.
  const rows = (Object.keys(VALID) as MessageType[]).flatMap((type) =>
    Object.entries(SENDERS).map(([who, sender]) => [type, who, sender] as const),
  );
  test.each(rows)('%s from %s', async (type, who, sender) => {
    const { ask, log } = setup();
    const reply = await ask(VALID[type], sender);
    const role = roleOf(sender, ORIGIN);
    const allowed = sender.id === 'self' && role === MESSAGES[type].role;
    if (allowed) expect(reply, who).toMatchObject({ type });
    else {
      expect(reply, who).toBeUndefined();
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/ignored/));
    }
  });
});

describe('malformed messages', () => {
  test.each([
    [null],
    ['page'],
    [{}],
    [{ type: 'lookup', subjects: ['repo:a/b'] }],
    [{ type: 'constructor' }],
    [{ type: '__proto__' }],
    [{ type: 'links', hrefs: Array(6000).fill('/a/b') }],
    [{ type: 'links', hrefs: ['x'.repeat(3000)] }],
    [{ type: 'page', subject: 7 }],
    [{ type: 'page', subject: 'x'.repeat(1000) }],
    [{ type: 'page', subject: 'repo:a/b', extra: true }],
    [{ type: 'steal-cookies' }],
    [{ type: 'panelState', subject: 'repo:a/b', state: 'exploded' }],
    [{ type: 'report', panel: null, badges: { a: -1 } }],
  ])('%j is ignored and logged', async (msg) => {
    const { ask, log } = setup();
    expect(await ask(msg as Record<string, unknown>)).toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/ignored a malformed message/));
  });

  test('a tabInfo of the wrong shape from the popup is ignored too', async () => {
    const { ask } = setup();
    expect(await ask({ type: 'tabInfo', tabId: 'x' }, POPUP)).toBeUndefined();
  });
});
