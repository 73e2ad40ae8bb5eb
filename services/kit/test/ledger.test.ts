import iconv from 'iconv-lite';
import { chineseTerm, convertCell, decodeText, fileKind, type LedgerColumn, looksLikeFormula, neutralise } from '@pb/kit';

const column = (kind: LedgerColumn['kind'], extra: Partial<LedgerColumn> = {}): LedgerColumn => ({ field: 'f', header: 'h', description: '', kind, required: false, list: false, ...extra });

describe('ledger columns and cells', () => {
  test('the Chinese header is the term the schema description gives', () => {
    expect(chineseTerm('Held on (义诊日期)')).toBe('义诊日期');
    expect(chineseTerm('Division code where it was held, down to a village (行政区划代码)')).toBe('行政区划代码');
    expect(chineseTerm('Venue (地点), e.g. a square')).toBe('地点');
    expect(chineseTerm('可自理 residents')).toBe('可自理');
    expect(chineseTerm('Medical team size')).toBeNull();
  });

  test('cells convert the way a ledger writes them', () => {
    expect(convertCell(new Date('2024-03-05T00:00:00Z'), column('date'))).toBe('2024-03-05');
    expect(convertCell('2024/3/5', column('date'))).toBe('2024-03-05');
    expect(convertCell('2024年3月5日', column('date'))).toBe('2024-03-05');
    expect(() => convertCell('2024-02-30', column('date'))).toThrow('must be a date');
    expect(convertCell('1,200', column('int'))).toBe(1200);
    expect(() => convertCell('1.5', column('int'))).toThrow('whole number');
    expect(convertCell('是', column('boolean'))).toBe(true);
    expect(convertCell('否', column('boolean'))).toBe(false);
    expect(convertCell('listen、visit', column('enum', { list: true, enumValues: ['LISTEN', 'VISIT'] }))).toEqual(['LISTEN', 'VISIT']);
    expect(() => convertCell('FLY', column('enum', { enumValues: ['A'] }))).toThrow('must be one of A');
    expect(convertCell('  ', column('text'))).toBeUndefined();
  });

  test('formula-looking text is recognised and neutralised on the way out', () => {
    for (const t of ['=1+2', '+cmd', '@SUM(A1)', '-x']) expect(looksLikeFormula(t)).toBe(true);
    for (const t of ['-5', '台账', 'a=b']) expect(looksLikeFormula(t)).toBe(false);
    expect(neutralise('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutralise('正常')).toBe('正常');
  });

  test('CSV text is UTF-8 when it decodes as such, else GB18030; binary files are not CSV', () => {
    expect(decodeText(Buffer.from('义诊,日期', 'utf8'))).toBe('义诊,日期');
    expect(decodeText(iconv.encode('义诊,日期', 'gb18030'))).toBe('义诊,日期');
    expect(fileKind(Buffer.from('a,b\n'))).toBe('csv');
    expect(fileKind(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe('xlsx');
    expect(() => fileKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toThrow('.xls');
  });
});
