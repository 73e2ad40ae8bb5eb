import { Arg, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { requireClaims } from '../auth/access.js';
import { maskName, maskPhone } from '../auth/mask.js';
import type { RequestContext } from '../context.js';
import { badInput, forbidden } from '../errors/errors.js';
import { requireId } from '../validation.js';

export type AuditOperation = 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE';
import { type PersonalKind, WriteTag } from '../auth/read-access.js';

/** Fields never worth auditing: the database keeps them itself. */
const SKIPPED = new Set(['updatedAt', 'createdAt', 'deletedAt', 'deletedBy']);


const comparable = (v: unknown): string => JSON.stringify(v instanceof Date ? v.toISOString() : (v ?? null));

function masked(field: string, value: unknown, personal: Record<string, PersonalKind>): unknown {
  const kind = personal[field];
  if (!kind || value == null) return value instanceof Date ? value.toISOString() : (value ?? null);
  return kind === 'phone' ? maskPhone(String(value)) : maskName(String(value));
}

/** The fields that differ between two states of a record, personal ones (`@Personal` on the type) masked. */
export function auditChanges(before: object | null, after: object | null, personal: Record<string, PersonalKind>): Record<string, { before: unknown; after: unknown }> {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (SKIPPED.has(field) || typeof (a[field] ?? b[field]) === 'function') continue;
    if (comparable(b[field]) === comparable(a[field])) continue;
    out[field] = { before: before ? masked(field, b[field], personal) : null, after: after ? masked(field, a[field], personal) : null };
  }
  return out;
}

export interface AuditEntryInput {
  operation: AuditOperation;
  typeName: string;
  recordId: string;
  changes: Record<string, unknown>;
}

/** Appends to the audit log in the write's own transaction (`em`), as the token's bearer. */
export async function writeAudit(em: EntityManager, ctx: RequestContext, entry: AuditEntryInput): Promise<void> {
  const claims = ctx.auth.claims;
  await em.query(
    `INSERT INTO audit_log (subject, role, sectors, operation, type_name, record_id, changes) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [claims?.sub ?? null, claims?.role ?? null, claims?.sectors ?? [], entry.operation, entry.typeName, entry.recordId, JSON.stringify(entry.changes)],
  );
}

/** Many audit entries in one statement (a ledger chunk's creates), as the token's bearer. */
export async function writeAudits(em: EntityManager, ctx: RequestContext, entries: AuditEntryInput[]): Promise<void> {
  if (!entries.length) return;
  const claims = ctx.auth.claims;
  await em.query(
    `INSERT INTO audit_log (subject, role, sectors, operation, type_name, record_id, changes)
     SELECT $1, $2, $3, e.operation, e.type_name, e.record_id, e.changes FROM jsonb_to_recordset($4::jsonb) AS e(operation text, type_name text, record_id uuid, changes jsonb)`,
    [claims?.sub ?? null, claims?.role ?? null, claims?.sectors ?? [], JSON.stringify(entries.map((e) => ({ operation: e.operation, type_name: e.typeName, record_id: e.recordId, changes: e.changes })))],
  );
}

@Directive('@shareable')
@ObjectType({ description: 'A changed field of an audited write; values as JSON text, personal data masked' })
export class AuditChange {
  @Field()
  field: string;

  @Field(() => String, { nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'One write of a record: who, when, what' })
export class AuditEntry {
  @Field(() => ID, { description: 'Position in the log (a cursor for `after`)' })
  id: string;

  @Field()
  at: Date;

  @Field(() => String, { nullable: true, description: "The token's subject" })
  subject: string | null;

  @Field(() => String, { nullable: true })
  role: string | null;

  @Field(() => [String])
  sectors: string[];

  @Field({ description: 'CREATE, UPDATE, DELETE (with what went with it) or RESTORE' })
  operation: string;

  @Field()
  typeName: string;

  @Field(() => ID)
  recordId: string;

  @Field(() => [AuditChange])
  changes: AuditChange[];
}

interface AuditRow {
  id: string;
  at: Date;
  subject: string | null;
  role: string | null;
  sectors: string[];
  operation: string;
  type_name: string;
  record_id: string;
  changes: Record<string, { before: unknown; after: unknown }>;
}

/**
 * `<sector>AuditLog(recordId, first, after)`: the writes of one record, oldest first, for ADMIN
 * and the sector's EDITORs. One query per subgraph (each keeps its own log), named after it so the
 * gateway knows where to ask.
 */
export function auditLogResolver(sector: string) {
  @Resolver()
  class AuditLogResolver {
    @WriteTag(sector)
    @Query(() => [AuditEntry], { name: `${sector}AuditLog`, description: `Audit trail of a ${sector} record (ADMIN, or an EDITOR of ${sector})` })
    async auditLog(
      @Arg('recordId', () => ID) recordId: string,
      @Arg('first', () => Int, { defaultValue: 50 }) first: number,
      @Arg('after', () => ID, { nullable: true }) after: string | null,
      @Ctx() ctx: RequestContext,
    ): Promise<AuditEntry[]> {
      const claims = requireClaims(ctx);
      if (!(claims.role === 'ADMIN' || (claims.role === 'EDITOR' && claims.sectors.includes(sector)))) throw forbidden(`The ${sector} audit log is for ADMIN and ${sector} EDITORs`);
      if (!Number.isInteger(first) || first < 0 || first > 500) throw badInput('first', 'must be between 0 and 500');
      if (after != null && !/^\d{1,18}$/.test(after)) throw badInput('after', 'is not an audit entry id');
      const rows: AuditRow[] = await ctx.db.query(
        `SELECT id::text, at, subject, role, sectors, operation, type_name, record_id, changes FROM audit_log
          WHERE record_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
        [requireId(recordId, 'recordId'), after ?? '0', first],
      );
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        subject: r.subject,
        role: r.role,
        sectors: r.sectors,
        operation: r.operation,
        typeName: r.type_name,
        recordId: r.record_id,
        changes: Object.entries(r.changes).map(([field, c]) => ({ field, before: c.before == null ? null : JSON.stringify(c.before), after: c.after == null ? null : JSON.stringify(c.after) })),
      }));
    }
  }
  return AuditLogResolver;
}
