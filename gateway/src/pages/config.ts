import { envInt } from '@pb/kit';
import type { PagesOptions } from './pages.js';

/** Origins allowed to call the gateway from a browser (CORS_ORIGINS, comma-separated); none by default. */
export function corsOriginsFromEnv(env = process.env): string[] {
  return (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);
}

/** DASHBOARD_REGION, DASHBOARD_REFRESH_SECONDS and PB_EXPLORER, with their defaults. */
export function pagesOptionsFromEnv(env = process.env): Omit<PagesOptions, 'schemaSdl'> {
  const region = env.DASHBOARD_REGION || '610581';
  if (!/^\d{2,12}$/.test(region)) throw new Error(`DASHBOARD_REGION must be a division code (2 to 12 digits), got "${region}"`);
  return { defaultRegion: region, refreshSeconds: envInt('DASHBOARD_REFRESH_SECONDS', 300), explorer: env.PB_EXPLORER !== '0' };
}
