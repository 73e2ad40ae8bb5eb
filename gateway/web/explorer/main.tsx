import 'graphiql/style.css';
import './explorer.css';
import { GraphiQL } from 'graphiql';
import { buildSchema } from 'graphql';
import { createRoot } from 'react-dom/client';

/** The dashboard query and starter queries of docs/dashboard.md, read from it at build time. */
interface Starter {
  title: string;
  query: string;
  variables?: string;
}
declare const PB_STARTERS: Starter[];

type FetcherParams = { query: string; variables?: unknown; operationName?: string | null };

/** Posts to the gateway this page came from, with the headers of the header editor (a bearer token). */
async function fetcher(params: FetcherParams, opts?: { headers?: Record<string, unknown> }) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const [k, v] of Object.entries(opts?.headers ?? {})) headers[k] = String(v);
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
  return res.json();
}

async function main(): Promise<void> {
  // The schema comes from the gateway's composed API schema, so the explorer works with
  // introspection turned off (NODE_ENV=production).
  const sdl = await (await fetch('/graphql/schema.graphql')).text();
  const tabs = PB_STARTERS.map((s) => ({ query: `# ${s.title}\n${s.query}`, variables: s.variables }));
  const root = document.getElementById('explorer');
  if (!root) return;
  createRoot(root).render(
    <GraphiQL
      fetcher={fetcher}
      schema={buildSchema(sdl)}
      defaultTabs={tabs}
      // The editors start from these (GraphiQL reads the active tab's editors from its props).
      query={tabs[0]?.query}
      variables={tabs[0]?.variables}
      defaultEditorToolsVisibility="variables"
      isHeadersEditorEnabled
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>党建引领 GraphQL</GraphiQL.Logo>
    </GraphiQL>,
  );
}

void main();
