import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventType } from './event-type';

export interface EventRecord {
  type: EventType;
  workspaceId: number;
  /** The webhook body's `data` for this event (webhooks.md, "data by event"). */
  payload: object;
}

const INSERT_EVENT = 'INSERT INTO outbox_events (workspace_id, type, payload) VALUES ($1, $2, $3) RETURNING id';

/**
 * Records webhook events into `outbox_events`. An event is written in the same transaction as the change it
 * describes (pass that transaction's manager), so it commits or rolls back with it; delivery happens elsewhere.
 */
@Injectable()
export class EventsService {
  /** Inserts the event with `manager`; returns its id. */
  async record(manager: EntityManager, event: EventRecord): Promise<number> {
    const rows: { id: number }[] = await manager.query(INSERT_EVENT, [event.workspaceId, event.type, JSON.stringify(event.payload)]);
    return rows[0].id;
  }
}
