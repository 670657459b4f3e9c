import { describe, expect, it } from '@jest/globals';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { deliveryBody } from './delivery-body';
import { signDelivery } from './delivery-signature';

const TOKEN = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;

describe('signDelivery', () => {
  it('produces a signature the standardwebhooks package accepts', () => {
    const body = '{"type":"tracker.started"}';
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signDelivery(TOKEN, 'msg_abc', timestamp, body);
    expect(signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    const headers = { 'webhook-id': 'msg_abc', 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
    expect(new StandardWebhook(TOKEN).verify(body, headers)).toEqual({ type: 'tracker.started' });
    expect(() => new StandardWebhook(TOKEN).verify(`${body} `, headers)).toThrow();
  });

  it('refuses a token without the whsec_ prefix', () => {
    expect(() => signDelivery('secret', 'msg_abc', 1, '{}')).toThrow('whsec_');
  });
});

describe('deliveryBody', () => {
  const event = (type: string, payload: Record<string, unknown>) => ({
    type,
    workspaceId: 3,
    occurredAt: new Date('2024-01-15T10:30:00.123Z'),
    payload,
  });

  it('is {type, timestamp, workspace_id, data} with the timestamp in whole UTC seconds', () => {
    expect(JSON.parse(deliveryBody(event('tracker.started', { user_id: 1 }), false))).toEqual({
      type: 'tracker.started',
      timestamp: '2024-01-15T10:30:00Z',
      workspace_id: 3,
      data: { user_id: 1 },
    });
  });

  it('drops Member rate/rate_type and Project rate for a creator who may not view rates, and only then', () => {
    const member = event('member.updated', { id: 1, rate: 10, rate_type: null, title: 'Dev' });
    expect(JSON.parse(deliveryBody(member, false)).data).toEqual({ id: 1, title: 'Dev' });
    expect(JSON.parse(deliveryBody(member, true)).data).toEqual({ id: 1, rate: 10, rate_type: null, title: 'Dev' });
    const project = event('project.created', { id: 2, rate: 42, rate_type: 'x' });
    expect(JSON.parse(deliveryBody(project, false)).data).toEqual({ id: 2, rate_type: 'x' });
    expect(JSON.parse(deliveryBody(event('tracker.stopped', { rate: 1 }), false)).data).toEqual({ rate: 1 });
  });
});
