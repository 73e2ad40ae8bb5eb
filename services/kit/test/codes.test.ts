import { isWithinRegion, levelOfCode, normalizeRegionCode, RegionLevel, requireRegionCodeFormat } from '@pb/kit';

describe('region codes', () => {
  test.each([
    ['61', '61'],
    ['610000', '61'],
    ['6105', '6105'],
    ['610500', '6105'],
    ['610581', '610581'],
    ['610581000000', '610581'],
    ['610581002', '610581002'],
    ['610581002000', '610581002'],
    ['610581002004', '610581002004'],
    [' 1407 ', '1407'],
  ])('%s normalizes to %s', (raw, canonical) => expect(normalizeRegionCode(raw)).toBe(canonical));

  test.each(['', 'abc', '61a', '6', '61058', '6105810', '0000', '000000'])('%p is not a region code', (raw) =>
    expect(normalizeRegionCode(raw)).toBeNull(),
  );

  test('the level follows the canonical length', () => {
    expect(levelOfCode('61')).toBe(RegionLevel.PROVINCE);
    expect(levelOfCode('6105')).toBe(RegionLevel.CITY);
    expect(levelOfCode('610581')).toBe(RegionLevel.COUNTY);
    expect(levelOfCode('610581002')).toBe(RegionLevel.TOWNSHIP);
    expect(levelOfCode('610581002004')).toBe(RegionLevel.VILLAGE);
  });

  test('a malformed code is BAD_USER_INPUT naming the field', () => {
    expect(() => requireRegionCodeFormat('x1', 'input.regionCode')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.regionCode' }) }),
    );
  });

  test('a record belongs to every region whose code prefixes its own', () => {
    expect(isWithinRegion('610581002004', '61')).toBe(true);
    expect(isWithinRegion('610581002004', '610581')).toBe(true);
    expect(isWithinRegion('610724001007', '610581')).toBe(false);
  });
});
