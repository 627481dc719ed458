import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTenant, createUser, login, registerOrganization, Session } from '../support/factories';
import { ApiClient } from './scenarios-support/api-client';
import { fromStep, ScenarioHarness, waitFor } from './scenarios-support/scenario-harness';

/**
 * 免申即享, first half (issue 12): into Zhengzhou, an officer imports the 2022 粮油 leader list of seed 002, as
 * transcribed in tests/fixtures/official-lists/grain-oil-leaders-2022.csv from /work/shared/seeds/002_9dbe9052b049e00e.txt
 * lines 2721-2798 (title at 2721, header at 2723, rows 1-69 from 2724 to 2798, the header repeated at the page breaks
 * on lines 2741, 2761 and 2780). Rows 17 and 18 (seed lines 2742-2743) name 中粮(郑州)粮油工业有限公司 with half-width
 * brackets; Zhengzhou has it registered under its full-width name.
 */
const FIXTURE = readFileSync(join(__dirname, '../fixtures/official-lists/grain-oil-leaders-2022.csv'));
const CSV = { name: '2022年粮油产品企业标准领跑者名单.csv', contentType: 'text/csv' };
const IMPORT_FIELDS = { kind: 'leader_list', title: '2022年粮油产品企业标准“领跑者”名单', sourceRef: '国家粮食和物资储备局 2022年10月12日通知', listDate: '2022-10-12' };

interface ListView {
  id: string;
  status: string;
  itemsTotal: number | null;
  itemsDone: number;
  counts: { rowsRead: number; items: number; matched: number; review: number; unregistered: number; rejected: number; dismissed: number };
}
interface RowView {
  id: string;
  rowNumber: number;
  status: string;
  partyName: string;
  organizationId: string | null;
  organizationName: string | null;
  matchMethod: string | null;
  fields: Record<string, string>;
  candidates: Array<{ organizationId: string; name: string; reason: string; reasonZh: string }>;
}

describe('official lists: the 2022 粮油 leader list imported into Zhengzhou', () => {
  let h: ScenarioHarness;
  let api: ApiClient;
  let officer: Session;
  let outsider: Session;
  let zhongliang: string;
  let yihai: string;
  let listId: string | undefined;

  beforeAll(async () => {
    h = await ScenarioHarness.start(new Date('2026-11-23T09:00:00+08:00'));
    api = new ApiClient(h.app);
    await createTenant(h.db, { id: 'zhengzhou', divisionCode: '410100', nameZh: '郑州市', districts: [{ code: '410102', nameZh: '中原区' }] });
    await createTenant(h.db, { id: 'luoyang', divisionCode: '410300', districts: [{ code: '410302' }] });
    officer = await login(h.app, await createUser(h.db, { tenantId: 'zhengzhou', role: 'program_officer' }));
    outsider = await login(h.app, await createUser(h.db, { tenantId: 'luoyang', role: 'program_officer' }));
    // Registered through the product, under the full-width name; a near miss differing in its legal form.
    zhongliang = (await registerOrganization(h.app, { tenantId: 'zhengzhou', districtCode: '410102', name: '中粮（郑州）粮油工业有限公司' })).organization.id;
    yihai = (await registerOrganization(h.app, { tenantId: 'zhengzhou', districtCode: '410102', name: '益海嘉里（安阳）食品工业有限责任公司' })).organization.id;
    await h.startWorker();
  });

  afterAll(async () => {
    await h?.close();
  });

  const list = (id: string) => api.expect<ListView>(officer, 200, { method: 'get', path: `/official-lists/${id}` });
  const rows = async (id: string, status?: string) =>
    (await api.expect<{ items: RowView[] }>(officer, 200, { method: 'get', path: `/official-lists/${id}/rows?pageSize=200${status ? `&status=${status}` : ''}` })).items;

  it('previews the file: the header on row 3, the six columns, 69 entries, the first rows with their groups carried down', async () => {
    const preview = await api.expect<{ headerRow: number; mapping: Array<{ field: string; header: string }>; entries: number; rejectedCount: number; problems: unknown[]; rows: Array<{ rowNumber: number; fields: Record<string, string> }> }>(
      officer, 200, { method: 'post', path: '/official-lists/preview', file: { bytes: FIXTURE, ...CSV, fields: { kind: 'leader_list' } } },
    );
    expect(preview.headerRow).toBe(3);
    expect(preview.mapping.map((m) => m.header)).toEqual(['产品类别', '序号', '企业名称', '企业标准编号', '标准名称', '评估机构']);
    expect([preview.entries, preview.rejectedCount, preview.problems]).toEqual([69, 0, []]);
    expect(preview.rows[1]).toMatchObject({ rowNumber: 5, fields: { productCategory: '粳米', seq: '2', enterpriseName: '松原粮食集团有限公司' } });
    expect(await h.rows(`select 1 from official_lists`)).toEqual([]);
  });

  it('refuses a file that is not this kind of list, naming the missing columns, and stores nothing', async () => {
    const body = await api.expect<{ code: string; message: string }>(officer, 422, {
      method: 'post', path: '/official-lists', headers: { 'Accept-Language': 'zh-CN' },
      file: { bytes: Buffer.from('标准号,标准名称\nGB 1,甲\n'), ...CSV, fields: IMPORT_FIELDS },
    });
    expect(body.code).toBe('official_list_unreadable');
    expect(body.message).toContain('企业名称');
  });

  it('imports the list as a job: 中粮(郑州) matched on its two rows, the near miss in review, the others unregistered', async () => {
    const started = await api.expect<{ id: string; created: boolean }>(officer, 202, { method: 'post', path: '/official-lists', file: { bytes: FIXTURE, ...CSV, fields: IMPORT_FIELDS } });
    expect(started.created).toBe(true);
    listId = started.id;
    const done = await waitFor('the import to complete', async () => {
      const view = await list(started.id);
      return view.status === 'completed' ? view : undefined;
    }, 30_000);
    expect(done).toMatchObject({ itemsTotal: 69, itemsDone: 69, counts: { rowsRead: 69, items: 69, matched: 2, review: 1, unregistered: 66, rejected: 0, dismissed: 0 } });

    const matched = await rows(started.id, 'matched');
    expect(matched.map((r) => [r.rowNumber, r.fields.seq, r.fields.standardCode, r.partyName, r.organizationName, r.matchMethod])).toEqual([
      [22, '17', 'Q/ZLLG 0006S-2022', '中粮(郑州)粮油工业有限公司', '中粮（郑州）粮油工业有限公司', 'exact_name'],
      [23, '18', 'Q/ZLLG 0007S-2022', '中粮(郑州)粮油工业有限公司', '中粮（郑州）粮油工业有限公司', 'exact_name'],
    ]);
    expect(matched.every((r) => r.organizationId === zhongliang)).toBe(true);

    const unregistered = await rows(started.id, 'unregistered');
    expect(unregistered.map((r) => r.partyName)).toEqual(expect.arrayContaining(['山东鲁花集团有限公司', '中粮(成都)粮油工业有限公司', '益海嘉里(昆山)食品工业有限公司']));
    expect(unregistered.every((r) => r.organizationId === null)).toBe(true);

    const queue = await api.expect<{ items: RowView[] }>(officer, 200, { method: 'get', path: '/official-lists/review-queue' });
    expect(queue.items.map((r) => [r.fields.seq, r.partyName, r.candidates.map((c) => [c.organizationId, c.reason, c.reasonZh])])).toEqual([
      ['21', '益海嘉里(安阳)食品工业有限公司', [[yihai, 'legal_form_differs', '名称仅组织形式不同（如有限公司与有限责任公司）']]],
    ]);
    expect((await h.rows(`select action from audit_log where tenant_id = 'zhengzhou' and action like 'official-list.%' order by seq`)).map((r) => r.action)).toEqual(['official-list.import-started', 'official-list.imported']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const id = fromStep(listId, 'the import');
    const before = await h.rows(`select id, status, organization_id, updated_at from official_list_rows order by id`);
    const again = await api.expect<{ id: string; created: boolean }>(officer, 202, { method: 'post', path: '/official-lists', file: { bytes: FIXTURE, ...CSV, fields: { ...IMPORT_FIELDS, title: '再次上传' } } });
    expect(again).toEqual({ id, created: false });
    await h.letWorkerCatchUp('zhengzhou');
    expect(await h.rows(`select id, status, organization_id, updated_at from official_list_rows order by id`)).toEqual(before);
    expect(await h.rows(`select count(*)::int as n from official_lists`)).toEqual([{ n: 1 }]);
    const page = await api.call<{ items: ListView[] }>(officer, 200, { method: 'get', path: '/official-lists' });
    expect(page.headers['x-total-count']).toBe('1');
  });

  it('matches a waiting entry when its enterprise registers in Zhengzhou', async () => {
    const id = fromStep(listId, 'the import');
    const puyang = (await registerOrganization(h.app, { tenantId: 'zhengzhou', districtCode: '410102', name: '中粮面业（濮阳）有限公司' })).organization.id;
    await waitFor('the re-match job', async () => (await list(id)).counts.matched === 3);
    const row = (await rows(id, 'matched')).find((r) => r.organizationId === puyang);
    expect(row).toMatchObject({ rowNumber: 78, partyName: '中粮面业(濮阳)有限公司', matchMethod: 'exact_name', fields: { standardCode: 'Q/PZM 0007S-2022' } });
    expect((await list(id)).counts).toMatchObject({ matched: 3, unregistered: 65, review: 1 });
  });

  it('sends waiting entries to review, never matching them, when a near name registers', async () => {
    const id = fromStep(listId, 'the import');
    // 山东鲁花集团有限公司 is on five rows (seed lines 2754, 2756, 2765, 2767, 2796); this one is a 有限责任公司.
    const luhua = (await registerOrganization(h.app, { tenantId: 'zhengzhou', districtCode: '410102', name: '山东鲁花集团有限责任公司' })).organization.id;
    await waitFor('the re-match job', async () => (await list(id)).counts.review === 6);
    const queue = (await api.expect<{ items: RowView[] }>(officer, 200, { method: 'get', path: '/official-lists/review-queue' })).items.filter((r) => r.partyName === '山东鲁花集团有限公司');
    expect(queue.map((r) => r.fields.seq)).toEqual(['29', '31', '38', '40', '67']);
    expect(queue.map((r) => [r.organizationId, r.candidates.map((c) => [c.organizationId, c.reason])])).toEqual(Array(5).fill([null, [[luhua, 'legal_form_differs']]]));
    for (const row of queue) await api.expect(officer, 200, { method: 'post', path: `/official-lists/rows/${row.id}/resolve`, body: { reject: true, reason: '名单所列为山东鲁花集团有限公司，非本单位' } });
    expect((await list(id)).counts).toMatchObject({ matched: 3, review: 1, unregistered: 60, dismissed: 5 });
  });

  it('lets the officer decide the near miss, with a reason, once, audited', async () => {
    const id = fromStep(listId, 'the import');
    const [entry] = (await api.expect<{ items: RowView[] }>(officer, 200, { method: 'get', path: '/official-lists/review-queue' })).items;
    await api.expect(officer, 400, { method: 'post', path: `/official-lists/rows/${entry.id}/resolve`, body: { reason: '核对营业执照' } });
    await api.expect(officer, 400, { method: 'post', path: `/official-lists/rows/${entry.id}/resolve`, body: { organizationId: yihai, reject: true, reason: '核对营业执照' } });
    const resolved = await api.expect<RowView>(officer, 200, { method: 'post', path: `/official-lists/rows/${entry.id}/resolve`, body: { organizationId: yihai, reason: '经核对营业执照，系同一企业（2023年改制）' } });
    expect(resolved).toMatchObject({ status: 'matched', organizationId: yihai, matchMethod: 'officer', organizationName: '益海嘉里（安阳）食品工业有限责任公司' });
    await api.expect(officer, 409, { method: 'post', path: `/official-lists/rows/${entry.id}/resolve`, body: { reject: true, reason: '重复处理' } });
    expect((await list(id)).counts).toMatchObject({ matched: 4, review: 0, dismissed: 5 });
    const [audit] = await h.rows<{ reason: string; data: { organizationId: string } }>(`select reason, data from audit_log where action = 'official-list.row-matched-by-officer'`);
    expect(audit).toMatchObject({ reason: '经核对营业执照，系同一企业（2023年改制）', data: { organizationId: yihai } });
  });

  it('shows another tenant nothing of it', async () => {
    const id = fromStep(listId, 'the import');
    await api.expect(outsider, 404, { method: 'get', path: `/official-lists/${id}` });
    expect((await api.expect<{ items: unknown[] }>(outsider, 200, { method: 'get', path: '/official-lists' })).items).toEqual([]);
  });
});
