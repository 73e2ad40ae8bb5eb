import type { ApolloServerPlugin } from '@apollo/server';

const escape = (s: string) => s.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * What a browser opening a subgraph's URL sees: a short page, with nothing loaded from elsewhere
 * (Apollo's default Sandbox comes from its CDN, which an intranet cannot reach), pointing to the
 * gateway's explorer — a subgraph's schema alone is not the API that dashboards use.
 * `PB_GATEWAY_URL` (set by `npm start`) is the gateway's address.
 */
export function subgraphLandingPage(name: string, gatewayUrl = process.env.PB_GATEWAY_URL): ApolloServerPlugin {
  const link = gatewayUrl ? `<a href="${escape(gatewayUrl)}">${escape(gatewayUrl)}</a>` : 'the gateway’s <code>/graphql</code>';
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(name)} subgraph</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<link rel="icon" href="data:,">
<style>body{font-family:"Noto Sans CJK SC",sans-serif;max-width:40em;margin:4em auto;color:#1a2440;line-height:1.6}h1{color:#b72a1c}</style>
</head><body>
<h1>${escape(name)} 子图 (subgraph)</h1>
<p>这是 ${escape(name)} 部门的子图，供网关调用。请在网关的 GraphQL 接口浏览器中查询全部四个领域的数据：${link}</p>
<p>This is the ${escape(name)} subgraph, which the gateway calls. Explore the whole API in the gateway's explorer: ${link}</p>
</body></html>`;
  return {
    async serverWillStart() {
      return { async renderLandingPage() { return { html }; } };
    },
  };
}
