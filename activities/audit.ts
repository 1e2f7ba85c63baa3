// The audit trail: who changed what, when, from where. Written in the same transaction as the
// change it describes, so a change without its record cannot exist.
import type { Transaction } from 'sequelize';
import type { AuditEventAttrs } from '../db';
import type { Services } from './services';

export interface AuditEntry {
  actorType: AuditEventAttrs['actorType'];
  actorId: string | number;
  actorName: string;
  action: string; // e.g. registration.completed, operator.created, login.succeeded
  entityType: string;
  entityId: string | number;
  details?: Record<string, unknown>; // never secrets or unmasked identity numbers
  ip?: string;
  flowId?: string;
}

export async function recordAudit(services: Services, entry: AuditEntry, transaction?: Transaction): Promise<void> {
  await services.db.models.AuditEvent.create(
    {
      at: new Date(),
      actorType: entry.actorType,
      actorId: String(entry.actorId),
      actorName: entry.actorName,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? '',
      flowId: entry.flowId ?? '',
    },
    { transaction },
  );
}
