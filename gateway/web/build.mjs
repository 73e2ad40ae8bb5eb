// Builds the browser pages into dist/web: the 数据大屏 (web/dashboard) and the GraphiQL explorer
// (web/explorer), every asset bundled from npm packages so the gateway serves them itself.
// Runs as part of the gateway's `npm run build`; nothing generated is committed.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist', 'web');

/** The explorer's tabs: each `## N. Title` section of docs/dashboard.md with its first graphql block and its variables. */
export function startersFrom(markdown) {
  const starters = [];
  for (const section of markdown.split(/^## /m).slice(1)) {
    const title = section.split('\n')[0].replace(/^\d+\.\s*/, '').trim();
    const query = /```graphql\n([\s\S]*?)```/.exec(section)?.[1]?.trim();
    if (!query) continue;
    const variables = /Variables: `(\{.*\})`/.exec(section)?.[1];
    starters.push({ title, query, ...(variables ? { variables: JSON.stringify(JSON.parse(variables), null, 2) } : {}) });
  }
  return starters;
}

const starters = startersFrom(readFileSync(join(here, '..', '..', 'docs', 'dashboard.md'), 'utf8'));
if (starters.length === 0) throw new Error('docs/dashboard.md has no graphql blocks');

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'assets'), { recursive: true });
await build({
  entryPoints: { dashboard: join(here, 'dashboard', 'main.ts'), explorer: join(here, 'explorer', 'main.tsx') },
  outdir: join(out, 'assets'),
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  jsx: 'automatic',
  legalComments: 'linked',
  chunkNames: 'chunk-[hash]',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
  define: { 'process.env.NODE_ENV': '"production"', PB_STARTERS: JSON.stringify(starters) },
  logLevel: 'warning',
});
copyFileSync(join(here, 'dashboard', 'index.html'), join(out, 'dashboard.html'));
copyFileSync(join(here, 'explorer', 'index.html'), join(out, 'explorer.html'));
