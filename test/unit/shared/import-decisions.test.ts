import { describe, expect, it } from 'vitest';
import { type ImportItem, defaultImportDecisions, importQuestionOf, takesTheirs } from '../../../shared/exchange';

const item = (id: string, state: ImportItem['state'], duplicates = 0): ImportItem => ({
  recordType: 'candidate',
  id,
  label: { type: 'name', name: id },
  state,
  likelyDuplicates: Array.from({ length: duplicates }, (_, index) => ({ id: `known-${index}`, name: 'Amina Nguyen' })),
});

describe("the import's decisions, one definition for the screen and the service", () => {
  it('asks about conflicts, older versions and new files that may be someone already here, and nothing else', () => {
    expect(importQuestionOf(item('a', 'conflict'))).toBe('conflict');
    expect(importQuestionOf(item('b', 'older'))).toBe('older');
    expect(importQuestionOf(item('c', 'new', 1))).toBe('duplicate');
    expect(importQuestionOf(item('d', 'new'))).toBeNull();
    expect(importQuestionOf(item('e', 'updated'))).toBeNull();
    expect(importQuestionOf(item('f', 'unchanged'))).toBeNull();
  });

  it('the defaults the screen shows are what the service does when told nothing', () => {
    const items = [item('a', 'conflict'), item('b', 'older'), item('c', 'new', 2), item('d', 'new'), item('e', 'updated'), item('f', 'unchanged')];
    const shown = defaultImportDecisions(items);
    expect(shown).toEqual({ a: 'keep_ours', b: 'keep_ours', c: 'take_theirs' });
    for (const { id, state } of items) expect(takesTheirs(state, shown[id]), id).toBe(takesTheirs(state, undefined));
  });

  it('writes their version of new and updated records unless skipped, of conflicts and older ones only when told, of unchanged ones never', () => {
    expect(takesTheirs('new', undefined)).toBe(true);
    expect(takesTheirs('new', 'skip')).toBe(false);
    expect(takesTheirs('updated', 'keep_ours')).toBe(false);
    expect(takesTheirs('conflict', undefined)).toBe(false);
    expect(takesTheirs('conflict', 'take_theirs')).toBe(true);
    expect(takesTheirs('older', 'take_theirs')).toBe(true);
    expect(takesTheirs('unchanged', 'take_theirs')).toBe(false);
  });
});
