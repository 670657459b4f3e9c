import { describe, expect, it } from '@jest/globals';
import { pageOffset, paginationMeta } from './pagination';

describe('pagination', () => {
  it('computes the documented meta for a full first page', () => {
    expect(paginationMeta(50, { page: 1, perPage: 20 }, 20)).toEqual({
      total: 50,
      per_page: 20,
      current_page: 1,
      last_page: 3,
      from: 1,
      to: 20,
    });
  });

  it('computes a partial last page', () => {
    expect(paginationMeta(50, { page: 3, perPage: 20 }, 10)).toEqual({
      total: 50,
      per_page: 20,
      current_page: 3,
      last_page: 3,
      from: 41,
      to: 50,
    });
  });

  it('says last_page 1 and from/to null for an empty list', () => {
    expect(paginationMeta(0, { page: 1, perPage: 20 }, 0)).toEqual({
      total: 0,
      per_page: 20,
      current_page: 1,
      last_page: 1,
      from: null,
      to: null,
    });
  });

  it('says from/to null for a page past the end', () => {
    expect(paginationMeta(5, { page: 4, perPage: 2 }, 0)).toMatchObject({ last_page: 3, from: null, to: null });
  });

  it('offsets by whole pages', () => {
    expect(pageOffset({ page: 3, perPage: 20 })).toBe(40);
  });
});
