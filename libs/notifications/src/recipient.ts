import { Role } from '@subsidy/tenancy';

/** Who a notification is for; roles are resolved to the tenant's active users with that role (and district). */
export type Recipient =
  | { userId: string }
  | { organizationId: string }
  | { role: Role; districtCode?: string }
  | { email: string; name?: string };

export interface NotificationMessage {
  /** Stable kind, e.g. `application.returned-for-correction`, so the product can filter and translate. */
  kind: string;
  subject: string;
  body: string;
  entity?: { type: string; id: string };
}
