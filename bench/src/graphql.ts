import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@pb/kit';

export interface GraphQLError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** A GraphQL POST over real HTTP; throws on HTTP or GraphQL errors. */
export async function gql<T = any>(url: string, query: string, variables?: Record<string, unknown>, bearer?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: GraphQLError[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors (HTTP ${res.status}): ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The dashboard query, read from the first ```graphql block of docs/dashboard.md so it never drifts. */
export function dashboardQuery(file = join(projectRoot(), 'docs', 'dashboard.md')): string {
  const match = /```graphql\n([\s\S]*?)```/.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`no \`\`\`graphql block in ${file}`);
  return match[1].trim();
}
