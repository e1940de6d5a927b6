import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of event subscriptions and their deliveries (migrations/036_event_subscriptions.ts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface EventSubscriptionTable {
  id: Generated<string>;
  name: string;
  url: string;
  event_types: string[];
  /** Signs deliveries; never selected for an API answer. */
  secret: string;
  active: Generated<boolean>;
  created_at: Timestamp;
  created_by: string | null;
  created_by_name: string;
  updated_at: Timestamp;
}

export type EventDeliveryStatus = 'pending' | 'delivered' | 'failed';
export interface EventDeliveryTable {
  id: Generated<string>;
  subscription_id: string;
  event_id: string;
  event_type: string;
  case_id: string | null;
  payload: string;
  status: Generated<EventDeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}

export interface EventTables {
  event_subscription: EventSubscriptionTable;
  event_delivery: EventDeliveryTable;
}
