export * from './event-type';
export * from './outbox-event.entity';
export * from './events.service';
