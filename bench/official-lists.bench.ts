/**
 * npm run bench:lists [-- <rows> <organizations>]
 * Parses a synthetic official list (50,000 rows by default; as csv and as xlsx) and matches it against 20,000
 * organizations (seeded PRNG: the same names every run), printing the time of each step and the peak memory (max RSS).
 * The list mixes names registered here (half of them written with half-width brackets where the registration has
 * full-width ones), near misses (legal form changed, one character off) and enterprises registered nowhere here.
 */
import ExcelJS from 'exceljs';
import { NameMatcher, normalizeName, parseTable, readTable } from '@subsidy/official-lists';

const ROWS = Number(process.argv[2] ?? 50_000);
const ORGANIZATIONS = Number(process.argv[3] ?? 20_000);
const SEED = 20221012;

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['郑州', '开封', '洛阳', '新乡', '许昌', '安阳', '南阳', '濮阳', '焦作', '信阳', '周口', '商丘', '驻马店', '漯河', '三门峡', '平顶山', '鹤壁', '济源'];
const WORDS = '华豫中原金瑞恒达宏远鑫盛泰丰隆兴新源博通汇嘉德信和祥凯益康明阳科创天正宇宏光辉永安长城海川润泽'.split('');
const TRADES = ['粮油工业', '面业', '食品', '机械制造', '电子科技', '建材', '化工', '纺织', '医药', '物流', '新材料', '检测技术'];
const FORMS = ['有限公司', '有限责任公司', '股份有限公司', '集团有限公司'];

function names(count: number, random: () => number): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const word = Array.from({ length: 2 + Math.floor(random() * 2) }, () => WORDS[Math.floor(random() * WORDS.length)]).join('');
    const place = PLACES[Math.floor(random() * PLACES.length)];
    const trade = TRADES[Math.floor(random() * TRADES.length)];
    const form = FORMS[Math.floor(random() * FORMS.length)];
    out.add(random() < 0.3 ? `${word}（${place}）${trade}${form}` : `${place}${word}${trade}${form}`);
  }
  return [...out];
}

function listNames(registered: string[], random: () => number): string[] {
  const strangers = names(ROWS, prng(SEED + 1)).map((n) => `外省${n}`);
  return Array.from({ length: ROWS }, (_, i) => {
    const pick = random();
    const org = registered[Math.floor(random() * registered.length)];
    if (pick < 0.4) return random() < 0.5 ? org.replace('（', '(').replace('）', ')') : org;
    if (pick < 0.5) return random() < 0.5 ? org.replace(/有限责任公司$/, '有限公司') : `${org.slice(0, 3)}${WORDS[i % WORDS.length]}${org.slice(4)}`;
    return strangers[i];
  });
}

function table(list: string[]): string[][] {
  const rows = [['产品类别', '序号', '企业名称', '企业标准编号', '标准名称', '评估机构']];
  list.forEach((name, i) => rows.push([i % 20 === 0 ? `类别${i / 20}` : '', String(i + 1), name, `Q/BENCH ${String(i).padStart(5, '0')}S-2022`, `标准${i}`, i % 20 === 0 ? '评估机构' : '']));
  return rows;
}

function csvOf(rows: string[][]): Buffer {
  return Buffer.from(rows.map((r) => r.join(',')).join('\r\n'), 'utf8');
}

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await work();
  return [value, Number(process.hrtime.bigint() - start) / 1e9];
}

async function main(): Promise<void> {
  const random = prng(SEED);
  const organizations = names(ORGANIZATIONS, random).map((name, i) => ({ id: `org-${i}`, name, creditCode: null }));
  const rows = table(listNames(organizations.map((o) => o.name), random));
  const csv = csvOf(rows);
  const xlsx = await xlsxOf(rows);

  const [fromCsv, csvSeconds] = await timed(async () => parseTable('leader_list', 'csv', await readTable('csv', csv), normalizeName));
  const [fromXlsx, xlsxSeconds] = await timed(async () => parseTable('leader_list', 'xlsx', await readTable('xlsx', xlsx), normalizeName));
  if (fromCsv.entries.length !== ROWS || fromXlsx.entries.length !== ROWS) throw new Error(`parsed ${fromCsv.entries.length} / ${fromXlsx.entries.length} of ${ROWS} rows`);
  const [matcher, indexSeconds] = await timed(() => new NameMatcher(organizations));
  const [outcomes, matchSeconds] = await timed(() => fromCsv.entries.map((e) => matcher.match(e.partyName, e.creditCode)));
  const counts = { matched: 0, review: 0, unregistered: 0 };
  for (const outcome of outcomes) counts[outcome.status] += 1;

  const peakMb = process.resourceUsage().maxRSS / 1024;
  const total = csvSeconds + indexSeconds + matchSeconds;
  process.stdout.write(
    [
      `official lists: ${ROWS.toLocaleString('en')} rows against ${ORGANIZATIONS.toLocaleString('en')} organizations`,
      `  parse csv   ${csvSeconds.toFixed(2)} s (${(csv.length / 1024 / 1024).toFixed(1)} MB)`,
      `  parse xlsx  ${xlsxSeconds.toFixed(2)} s (${(xlsx.length / 1024 / 1024).toFixed(1)} MB)`,
      `  index       ${indexSeconds.toFixed(2)} s`,
      `  match       ${matchSeconds.toFixed(2)} s (${Math.round(ROWS / matchSeconds).toLocaleString('en')} rows/s): matched ${counts.matched}, review ${counts.review}, unregistered ${counts.unregistered}`,
      `  csv parse + match ${total.toFixed(2)} s; xlsx parse + match ${(xlsxSeconds + indexSeconds + matchSeconds).toFixed(2)} s; peak memory (max RSS) ${peakMb.toFixed(0)} MB`,
      '',
    ].join('\n'),
  );
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
