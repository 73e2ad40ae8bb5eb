import type { SubgraphProcess } from '@pb/gateway';
import { ok, startTestSubgraph } from '../../../test/support/harness';
import {
  ADMIN, create, createCommunity, createMutation, deleteMutation, EDITOR_HC, EDITOR_XX, expectRejected, HOSPITALS_EDITOR,
  JUHUI, stats, updateMutation, VIEWER, XIXIANG_VILLAGE, ZHUANGYUAN,
} from './fixtures';

const YUMINGGONG = '610581001012';
const SHUYUAN = '610581002002';
const FIELDS = 'partnerships partnershipSuggestionsAdopted partnershipResourcesShared partnershipProblemsSolved';

interface Pair { a: string; b: string; pairedOn: string | null; s: number; r: number; p: number }

describe('community partnerships (结对共建)', () => {
  let sg: SubgraphProcess;
  let url: string;
  const ids: Record<string, string> = {};
  const pairs: Pair[] = [];
  const region: Record<string, string> = { zy: ZHUANGYUAN, ymg: YUMINGGONG, juhui: JUHUI, sy: SHUYUAN, xx: XIXIANG_VILLAGE };
  const partner = async (a: string, b: string, pairedOn: string | null, s: number, r: number, p: number, bearer = EDITOR_HC) => {
    const id = await create(url, 'CommunityPartnership', { communityAId: ids[a], communityBId: ids[b], pairedOn, suggestionsAdopted: s, resourcesShared: r, problemsSolved: p }, bearer);
    pairs.push({ a, b, pairedOn, s, r, p });
    return id;
  };
  /** Expected figures, from the records above: at least one community inside, paired by `to`. */
  const expected = (code: string, to?: string) => {
    const mine = pairs.filter((x) => (region[x.a].startsWith(code) || region[x.b].startsWith(code)) && (!to || !x.pairedOn || x.pairedOn <= to));
    const sum = (f: (x: Pair) => number) => mine.reduce((t, x) => t + f(x), 0);
    return { partnerships: mine.length, partnershipSuggestionsAdopted: sum((x) => x.s), partnershipResourcesShared: sum((x) => x.r), partnershipProblemsSolved: sum((x) => x.p) };
  };

  beforeAll(async () => {
    sg = await startTestSubgraph('communities');
    url = sg.url;
    ids.zy = await createCommunity(url, '状元街社区', ZHUANGYUAN);
    ids.ymg = await createCommunity(url, '禹明宫社区', YUMINGGONG);
    ids.juhui = await createCommunity(url, '涺惠社区', JUHUI);
    ids.sy = await createCommunity(url, '书院社区', SHUYUAN);
    ids.xx = await createCommunity(url, '城内街社区', XIXIANG_VILLAGE);
    await partner('zy', 'ymg', '2024-03-01', 5, 3, 2);
    await partner('juhui', 'sy', null, 7, 1, 9);
    await partner('zy', 'juhui', '2024-09-01', 2, 2, 4);
    await partner('juhui', 'xx', '2023-06-01', 1, 0, 6, ADMIN); // two counties: only a provincial writer
  });
  afterAll(() => sg?.stop());

  test('a partnership lies in the smallest region holding both communities, and each community lists it', async () => {
    const data = await ok(url, `{ communityPartnerships(first: 10) { edges { node { regionCode communityA { name } communityB { name } } } } }`, {}, VIEWER);
    expect(data.communityPartnerships.edges.map((e: { node: { regionCode: string } }) => e.node.regionCode).sort()).toEqual(['61', '610581', '610581001', '610581002']);
    const c = await ok(url, `query($id: ID!) { community(id: $id) { partnerships { communityA { name } communityB { name } } } }`, { id: ids.juhui }, VIEWER);
    expect(c.community.partnerships).toHaveLength(3);
    const filtered = await ok(url, `query($id: ID!) { communityPartnerships(communityId: $id) { totalCount } }`, { id: ids.zy });
    expect(filtered.communityPartnerships.totalCount).toBe(2);
  });

  test('update changes the running counts; delete removes it', async () => {
    const id = await create(url, 'CommunityPartnership', { communityAId: ids.ymg, communityBId: ids.sy, suggestionsAdopted: 1 });
    const upd = await ok(url, updateMutation('CommunityPartnership', 'regionCode suggestionsAdopted resourcesShared problemsSolved'), { id, input: { problemsSolved: 3 } }, EDITOR_HC);
    expect(upd.r).toEqual({ regionCode: '610581', suggestionsAdopted: 1, resourcesShared: 0, problemsSolved: 3 });
    // The same pair the other way round, from an update, is still a duplicate.
    await expectRejected(url, updateMutation('CommunityPartnership'), { id, input: { communityAId: ids.juhui } }, EDITOR_HC, 'communityPartnerships', 'BAD_USER_INPUT', 'input.communityBId');
    expect((await ok(url, deleteMutation('CommunityPartnership'), { id }, EDITOR_HC)).r).toBe(id);
  });

  test.each([
    ['the same community twice', () => ({ communityAId: ids.zy, communityBId: ids.zy }), 'input.communityBId'],
    ['a pair already partnered, reversed', () => ({ communityAId: ids.ymg, communityBId: ids.zy }), 'input.communityBId'],
    ['a negative count', () => ({ communityAId: ids.ymg, communityBId: ids.juhui, problemsSolved: -1 }), 'input.problemsSolved'],
    ['a future pairing date', () => ({ communityAId: ids.ymg, communityBId: ids.juhui, pairedOn: '2999-01-01' }), 'input.pairedOn'],
  ])('%s is BAD_USER_INPUT and writes nothing', async (_what, input, field) => {
    await expectRejected(url, createMutation('CommunityPartnership'), { input: input() }, EDITOR_HC, 'communityPartnerships', 'BAD_USER_INPUT', field);
  });

  test('an unknown community is NOT_FOUND', async () => {
    await expectRejected(url, createMutation('CommunityPartnership'), { input: { communityAId: ids.zy, communityBId: '00000000-0000-4000-8000-000000000000' } }, EDITOR_HC, 'communityPartnerships', 'NOT_FOUND', 'input.communityBId');
  });

  test('writers outside the sector, or whose region does not hold both communities, are FORBIDDEN', async () => {
    const input = { communityAId: ids.ymg, communityBId: ids.juhui };
    await expectRejected(url, createMutation('CommunityPartnership'), { input }, EDITOR_XX, 'communityPartnerships', 'FORBIDDEN');
    await expectRejected(url, createMutation('CommunityPartnership'), { input }, HOSPITALS_EDITOR, 'communityPartnerships', 'FORBIDDEN');
    await expectRejected(url, createMutation('CommunityPartnership'), { input: { communityAId: ids.zy, communityBId: ids.xx } }, EDITOR_HC, 'communityPartnerships', 'FORBIDDEN');
  });

  test.each([['61'], ['610581'], ['610581001'], ['610581002'], [JUHUI], [YUMINGGONG], ['610724'], ['610725']])(
    'stats of %s: partnerships with a community inside, counted once, and their sums',
    async (code) => {
      expect(await stats(url, code, FIELDS)).toEqual(expected(code));
      expect(await stats(url, code, FIELDS, { to: '2024-06-30' })).toEqual(expected(code, '2024-06-30'));
      expect(await stats(url, code, FIELDS, { to: '2023-01-01' })).toEqual(expected(code, '2023-01-01'));
    },
  );
});

describe('reference dataset: 运河区 结对共建 (article 004)', () => {
  let sg: SubgraphProcess;
  beforeAll(async () => {
    sg = await startTestSubgraph('communities', { seed: true });
  });
  afterAll(() => sg?.stop());

  test('运河区 (130903) has 6 partnerships of its 12 communities, with the article totals 41 / 40 / 89', async () => {
    expect(await stats(sg.url, '130903', `communities ${FIELDS}`)).toEqual({
      communities: 12, partnerships: 6, partnershipSuggestionsAdopted: 41, partnershipResourcesShared: 40, partnershipProblemsSolved: 89,
    });
    const data = await ok(sg.url, `{ communityPartnerships(regionCode: "130903", first: 10) { totalCount edges { node { source } } } }`);
    expect(data.communityPartnerships.totalCount).toBe(6);
    expect(data.communityPartnerships.edges.every((e: { node: { source: string } }) => e.node.source === 'ARTICLE')).toBe(true);
  });
});
