import { describe, expect, it } from '@jest/globals';
import { wrap } from './envelope.interceptor';
import { Paginated, Reply } from './paginated';

describe('wrap (success envelope)', () => {
  it('wraps a DTO with message and meta', () => {
    const body = wrap({ id: 1 }, 'Project created successfully');
    expect(body).toEqual({
      success: true,
      message: 'Project created successfully',
      data: { id: 1 },
      meta: { api_version: '2.0.0', timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/) },
    });
  });

  it('omits message when the route declares none, and keeps data null for actions', () => {
    const body = wrap(null);
    expect(body).not.toHaveProperty('message');
    expect(body.data).toBeNull();
    expect(wrap(undefined).data).toBeNull();
  });

  it('moves pagination into meta for lists', () => {
    const pagination = { total: 1, per_page: 20, current_page: 1, last_page: 1, from: 1, to: 1 };
    const body = wrap(new Paginated([{ id: 1 }], pagination));
    expect(body.data).toEqual([{ id: 1 }]);
    expect(body.meta.pagination).toEqual(pagination);
  });

  it('repeats pagination at the top level, in the documented key order, only when asked', () => {
    const pagination = { total: 50, per_page: 20, current_page: 1, last_page: 3, from: 1, to: 20 };
    const body = wrap(new Paginated([{ id: 1 }], pagination), 'Contracts retrieved successfully', true);
    expect(Object.keys(body)).toEqual(['success', 'message', 'data', 'meta', 'pagination']);
    expect(body.pagination).toEqual(pagination);
    expect(Object.keys(body.pagination ?? {})).toEqual(['current_page', 'per_page', 'total', 'last_page', 'from', 'to']);
    expect(wrap(new Paginated([], pagination))).not.toHaveProperty('pagination');
  });

  it('takes a Reply’s dynamic message over the route’s and puts its top-level fields after meta', () => {
    const body = wrap(
      new Reply({ id: 'a' }, { message: '8 hr successfully added for John Doe.', topLevel: { saved_minutes: 480 } }),
      'Static',
    );
    expect(Object.keys(body)).toEqual(['success', 'message', 'data', 'meta', 'saved_minutes']);
    expect(body).toMatchObject({ message: '8 hr successfully added for John Doe.', data: { id: 'a' }, saved_minutes: 480 });
    expect(wrap(new Reply(null), 'Static')).toMatchObject({ message: 'Static', data: null });
  });
});
