import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { dropUnusedDefinitions } from '@apollo/utils.dropunuseddefinitions';
import { printWithReducedWhitespace } from '@apollo/utils.printwithreducedwhitespace';
import { sortAST } from '@apollo/utils.sortast';
import { stripSensitiveLiterals } from '@apollo/utils.stripsensitiveliterals';
import { usageReportingSignature } from '@apollo/utils.usagereporting';
import { logger, projectRoot } from '@pb/kit';
import { type DocumentNode, parse } from 'graphql';

/** One operation clients sent (or a query of docs/): what schema:check tests a change against. */
export interface RegisteredOperation {
  /** sha256 of the signature: the operation's identity. */
  id: string;
  name: string;
  /** Apollo's usage signature (aliases dropped, literals hidden): what identifies the operation. */
  signature: string;
  /** The normalized document: one operation, literals hidden, sorted, aliases kept (so it validates). */
  document: string;
  firstSeen: string;
  lastSeen: string;
  count: number;
  /** `served` (the gateway saw it) or the docs/ file it comes from. */
  source: string;
}

export const operationId = (signature: string): string => createHash('sha256').update(signature).digest('hex');

/** An operation as the registry keeps it: its id, Apollo signature and normalized document. */
export function normalizeOperation(doc: DocumentNode, operationName: string): Pick<RegisteredOperation, 'id' | 'signature' | 'document'> {
  const signature = usageReportingSignature(doc, operationName);
  const document = printWithReducedWhitespace(sortAST(stripSensitiveLiterals(dropUnusedDefinitions(doc, operationName), { hideListAndObjectLiterals: true })));
  return { id: operationId(signature), signature, document };
}

/** The operations of the `graphql` blocks in docs/*.md: always part of the registry. */
export function docsOperations(docsDir = join(projectRoot(), 'docs')): RegisteredOperation[] {
  if (!existsSync(docsDir)) return [];
  const out: RegisteredOperation[] = [];
  for (const file of readdirSync(docsDir).filter((f) => f.endsWith('.md')).sort()) {
    const text = readFileSync(join(docsDir, file), 'utf8');
    const blocks = [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
    blocks.forEach((block, i) => {
      let doc: DocumentNode;
      try {
        doc = parse(block);
      } catch {
        return;
      }
      for (const def of doc.definitions) {
        if (def.kind !== 'OperationDefinition') continue;
        const name = def.name?.value ?? `docs/${file}#${i + 1}`;
        out.push({ ...normalizeOperation(doc, def.name?.value ?? ''), name, firstSeen: '', lastSeen: '', count: 0, source: `docs/${file}` });
      }
    });
  }
  return out;
}

/**
 * The gateway's operation registry, kept in a JSON file of its own storage (written a few
 * seconds after a change and on stop). Holds what clients really sent: normalized document,
 * signature id, first and last seen, count.
 */
export class OperationRegistry {
  private readonly ops = new Map<string, RegisteredOperation>();
  private dirty = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      try {
        for (const op of JSON.parse(readFileSync(file, 'utf8')).operations as RegisteredOperation[]) this.ops.set(op.id, op);
      } catch (err) {
        logger().warn({ file, cause: (err as Error).message }, 'operation registry unreadable; starting empty');
      }
    }
  }

  record(document: DocumentNode, operationName: string | undefined): void {
    const normalized = normalizeOperation(document, operationName ?? '');
    const id = normalized.id;
    const now = new Date().toISOString();
    const known = this.ops.get(id);
    if (known) Object.assign(known, { lastSeen: now, count: known.count + 1 });
    else this.ops.set(id, { ...normalized, name: operationName ?? 'anonymous', firstSeen: now, lastSeen: now, count: 1, source: 'served' });
    this.dirty = true;
    if (this.file) this.timer ??= setTimeout(() => this.flush(), 2000).unref();
  }

  /** What was served, plus the docs/ queries. */
  list(): RegisteredOperation[] {
    const served = [...this.ops.values()];
    const docs = docsOperations().filter((d) => !this.ops.has(d.id));
    return [...served, ...docs];
  }

  flush(): void {
    this.timer = undefined;
    if (!this.file || !this.dirty) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ operations: [...this.ops.values()] }, null, 1));
    renameSync(tmp, this.file);
    this.dirty = false;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.flush();
  }
}

/** Apollo plugin: records every operation that passed validation. */
export function operationRegistryPlugin<T extends BaseContext>(registry: OperationRegistry): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName }) {
          registry.record(document, operationName ?? undefined);
        },
      };
    },
  };
}
