import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCENARIO_STORAGE_KEY, scenarioFromLocation } from '../src/scenario-from-location.js';

function storageWith(value: string | null): Pick<Storage, 'getItem'> {
  return { getItem: (key) => (key === SCENARIO_STORAGE_KEY ? value : null) };
}

describe('scenarioFromLocation', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['nothing asked', '', null, 'default'],
    ['?scenario= in the URL', '?scenario=empty', null, 'empty'],
    ['localStorage only', '', 'slow', 'slow'],
    ['both: the URL wins', '?page=2&scenario=server-error', 'slow', 'server-error'],
    ['an empty ?scenario=: localStorage decides', '?scenario=', 'empty', 'empty'],
  ])('%s → %s', (_name, search, stored, want) => {
    expect(scenarioFromLocation(search, storageWith(stored))).toBe(want);
  });

  it.each([
    ['the URL', '?scenario=brokn', null, '?scenario='],
    ['localStorage', '', 'toString', `localStorage['customer-portal:scenario']`],
  ])('falls back to default with a warning for an unknown name in %s', (_name, search, stored, source) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(scenarioFromLocation(search, storageWith(stored))).toBe('default');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(source));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Known: default, empty, server-error, slow.'));
  });

  it('treats storage that refuses access as no stored choice', () => {
    const blocked = { getItem: () => { throw new DOMException('blocked', 'SecurityError'); } };
    expect(scenarioFromLocation('', blocked)).toBe('default');
  });
});
