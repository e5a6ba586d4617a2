import { describe, expect, test } from 'vitest';
import { beforeAll } from 'vitest';
import { buildIndex, checkIndex, readIndex, shardIndex } from '@/utils/dmca/index-build';
import { openIndex, type DmcaIndex } from '@/utils/dmca/index-read';
import { type BuildNotice, type IndexManifest } from '@/utils/dmca/index-format';
import { checkManifest, readDmcaIndexTexts } from '@/utils/node/files';

const N = (path: string, repos: string[], extra: Partial<BuildNotice> = {}): BuildNotice => ({
  path,
  date: path.split('/').pop()!.slice(0, 10),
  textDate: null,
  kind: 'takedown',
  sender: null,
  principal: null,
  filer: null,
  fileParty: 'Party',
  network: null,
  gists: 0,
  scope: 'named',
  changesOffered: null,
  asks: null,
  repos: repos.map((name, i) => ({ name, line: 10 + i })),
  originals: [],
  refersTo: [],
  ...extra,
});

const SAMPLE: BuildNotice[] = [
  N('2020/10/2020-10-23-Label.md', ['org/downloader', 'a/downloader', 'b/downloader'], {
    sender: { value: 'Label Assn', line: 3 },
    textDate: { value: '2020-10-23', line: 1 },
    network: { value: 12, line: 5 },
  }),
  N('2020/11/2020-11-16-Label-reversal.md', ['org/downloader'], {
    kind: 'reversal',
    refersTo: [{ path: '2020/10/2020-10-23-Label.md', inferred: false, line: 2 }],
  }),
  N('2014/2014-02-10-Books.md', ['reader/notes', 'me/original'], { originals: ['me/original'], gists: 2 }),
  N('2014/2014-02-12-Books-counternotice.md', ['reader/notes'], {
    kind: 'counter-notice',
    refersTo: [{ path: '2014/2014-02-10-Books.md', inferred: true, line: null }],
  }),
  N('2023/03/2023-03-21-other.md', ['a/downloader'], {
    principal: { value: 'Tab\there\u202Eand bidi', line: 7 },
    kind: 'retraction',
    scope: 'except',
  }),
];

describe('compact DMCA index', () => {
  const built = buildIndex(SAMPLE);
  let idx: DmcaIndex;
  beforeAll(async () => {
    idx = await readIndex(built.notices, built.repos);
  });

  test('is well-formed and deterministic (input order does not matter)', () => {
    expect(checkIndex(built.notices, built.repos)).toEqual([]);
    const again = buildIndex([...SAMPLE].reverse());
    expect(again.notices).toBe(built.notices);
    expect(again.repos).toBe(built.repos);
    expect(built.summary).toEqual({ notices: 5, repos: 5 });
  });

  test('repo → notices, with the role it was named in', () => {
    const hit = idx.findRepo('org/downloader')!;
    expect(hit.notices.map((n) => idx.notice(n.index)!.path)).toEqual([
      '2020/10/2020-10-23-Label.md',
      '2020/11/2020-11-16-Label-reversal.md',
    ]);
    expect(idx.findRepo('ORG/Downloader')?.repo).toBe('org/downloader');
    expect(idx.findRepo('me/original')!.notices).toEqual([{ index: idx.findNotice('2014/2014-02-10-books.md')!.index, original: true }]);
    expect(idx.findRepo('nobody/here')).toBeNull();
    expect(idx.findRepo('')).toBeNull();
  });

  test('notice → facts, its repos in the order named, and the answers both ways', () => {
    const n = idx.findNotice('2020/10/2020-10-23-label.md')!;
    expect(n).toMatchObject({
      kind: 'takedown',
      sender: { value: 'Label Assn', line: 3 },
      principal: null,
      textDate: { value: '2020-10-23', line: 1 },
      network: { value: 12, line: 5 },
      gists: 0,
      scope: 'named',
    });
    expect(n.repoLines.map((r) => idx.repoAt(r.line))).toEqual(['org/downloader', 'a/downloader', 'b/downloader']);
    // Where the notice names each repo, for the panel's source links.
    expect(n.repoLines.map((r) => r.at)).toEqual([10, 11, 12]);
    expect(n.answeredBy.map((i) => idx.notice(i)!.kind)).toEqual(['reversal']);
    const reversal = idx.findNotice('2020/11/2020-11-16-Label-reversal.md')!;
    expect(reversal.refersTo).toEqual([{ index: n.index, inferred: false, line: 2 }]);
    const counter = idx.findNotice('2014/2014-02-12-Books-counternotice.md')!;
    expect(counter.refersTo).toEqual([{ index: idx.findNotice('2014/2014-02-10-Books.md')!.index, inferred: true, line: null }]);
    expect(idx.findNotice('2014/2014-02-10-Books.md')!.gists).toBe(2);
    expect(idx.findNotice('2099/01/2099-01-01-none.md')).toBeNull();
  });

  test('fields are single-line, without tabs or bidi controls', () => {
    const other = idx.findNotice('2023/03/2023-03-21-other.md')!;
    expect(other.principal).toEqual({ value: 'Tab here and bidi', line: 7 });
    expect(other.scope).toBe('except');
  });

  test('sharded: a question loads only the shards it needs, and answers as the whole index does', async () => {
    const { manifest, files } = shardIndex(built, { notices: 3, repos: 3 });
    const byName = new Map(files);
    const loaded: string[] = [];
    const sharded = openIndex(JSON.parse(manifest) as IndexManifest, async (f) => {
      loaded.push(f);
      return byName.get(f)!;
    });
    expect(sharded.findRepo('org/downloader')).toBeNull(); // nothing loaded yet
    await sharded.prepare({ repos: ['reader/notes'] }, { cardRepos: 12 });
    expect(loaded.length).toBeLessThan(files.length);
    expect(sharded.findRepo('reader/notes')).toEqual(idx.findRepo('reader/notes'));
    const books = sharded.findNotice('2014/2014-02-10-books.md')!;
    expect(books).toEqual(idx.findNotice('2014/2014-02-10-books.md'));
    expect(books.repoLines.map((r) => sharded.repoAt(r.line))).toEqual(['reader/notes', 'me/original']);
    // The counter-notice that answers it came along (answers are two steps deep).
    expect(sharded.notice(books.answeredBy[0]!)!.kind).toBe('counter-notice');
    await sharded.prepare({ notices: ['2020/11/2020-11-16-label-reversal.md'] });
    const reversal = sharded.findNotice('2020/11/2020-11-16-Label-reversal.md')!;
    expect(sharded.notice(reversal.refersTo[0]!.index)!.path).toBe('2020/10/2020-10-23-Label.md');
    // A shard is read once, however often it is needed.
    await sharded.prepare({ repos: ['reader/notes', 'org/downloader'] });
    expect(new Set(loaded).size).toBe(loaded.length);
  });

  test('search by name part and by party', () => {
    // Ranked: exact names first, then named in more notices, then shorter.
    expect(idx.searchRepos('downl', 10)).toEqual(['a/downloader', 'org/downloader', 'b/downloader']);
    expect(idx.searchRepos('downloader', 10)[0]).toBe('a/downloader');
    expect(idx.searchRepos('downl', 1)).toEqual(['a/downloader']);
    expect(idx.searchRepos('1', 10)).toEqual([]); // too short; and never matches the notice lists
    expect(idx.searchNotices('label', 10).map((n) => n.date)).toEqual(['2020-11-16', '2020-10-23']);
  });

  test('a malformed index is rejected naming the file, line and field', () => {
    const badKind = built.notices.replace('\tn\t', '\tx\t');
    expect(checkIndex(badKind, built.repos).join('\n')).toMatch(/notices\.tsv:1 kind: unknown kind code "x"/);
    const lines = built.repos.split('\n');
    const swapped = [lines[1], lines[0], ...lines.slice(2)].join('\n');
    expect(checkIndex(built.notices, swapped).join('\n')).toMatch(/repos\.tsv:\d+ name: lines not sorted/);
    const dangling = built.repos.replace(/\t([0-9a-z~,]+)\n$/, '\tzz\n');
    expect(checkIndex(built.notices, dangling).join('\n')).toMatch(/repos\.tsv:\d+ notices: /);
    expect(checkIndex('2020/01/x.md\tno\n', built.repos)[0]).toMatch(/notices\.tsv:1 fields: expected 16/);
    const { manifest, files } = shardIndex(built, { notices: 2, repos: 2 });
    const m = JSON.parse(manifest) as IndexManifest;
    expect(checkManifest(m, new Map(files))).toEqual([]);
    m.repoShards[1]![0] = 'zzz/zzz';
    expect(checkManifest(m, new Map(files)).join('\n')).toMatch(/manifest\.json repoShards\[1\]: first key "zzz\/zzz"/);
    expect(() => openIndex({ ...m, version: 'v0' }, () => '')).toThrow(/not a Backstory DMCA index of this version/);
  });
});

describe('the bundled index (public/dmca)', () => {
  const { notices, repos, manifest, files } = readDmcaIndexTexts();
  let idx: DmcaIndex;
  beforeAll(async () => {
    idx = await readIndex(notices, repos);
  });

  test('passes the structural check the build runs', () => {
    expect(checkManifest(manifest, files)).toEqual([]);
    expect(checkIndex(notices, repos)).toEqual([]);
  });

  test('spot checks: Meta 2023-03-21 and the youtube-dl notice with its reversal', () => {
    const meta = idx.findNotice('2023/03/2023-03-21-meta.md')!;
    // Each fact with the line of the notice it was read from.
    expect(meta).toMatchObject({
      kind: 'takedown',
      sender: { value: 'OpSec Online LLC', line: 38 },
      principal: { value: 'Meta Platforms, Inc.', line: 45 },
      network: { value: 403, line: 1 },
      textDate: { value: '2023-03-20', line: 7 },
    });
    expect(meta.repoLines.map((r) => r.at)).toEqual([20]);
    // The counter-notice is filed for its filer, never for the party it answers.
    expect(idx.findNotice('2023/04/2023-04-27-meta-counternotice.md')!.filer).toEqual({ value: 'Tensorfork Labs', line: 41 });
    expect(meta.repoLines.map((r) => idx.repoAt(r.line))).toEqual(['shawwn/llama-dl']);
    expect(meta.answeredBy.map((i) => idx.notice(i)!.path)).toEqual(['2023/04/2023-04-27-meta-counternotice.md']);
    const riaa = idx.findNotice('2020/10/2020-10-23-RIAA.md')!;
    expect(riaa.repoLines.length).toBe(18);
    expect(idx.repoAt(riaa.repoLines[0]!.line)).toBe('ytdl-org/youtube-dl');
    const reversal = idx.findNotice('2020/11/2020-11-16-RIAA-reversal.md')!;
    expect(reversal.kind).toBe('reversal');
    expect(reversal.refersTo).toEqual([{ index: riaa.index, inferred: false, line: 3 }]);
    // GitHub's own reversal is GitHub's, not the RIAA's.
    expect(reversal.filer?.value).toBe('GitHub');
    expect(reversal.sender).toBeNull();
    expect(reversal.principal).toBeNull();
    expect(idx.findRepo('ytdl-org/youtube-dl')!.notices.map((n) => idx.notice(n.index)!.path)).toContain(
      '2020/11/2020-11-16-RIAA-reversal.md',
    );
  });

  test('holds every notice and repo the corpus names', () => {
    expect(idx.noticeCount).toBe(21856);
    expect(idx.repoCount).toBeGreaterThan(139000);
  });
});
