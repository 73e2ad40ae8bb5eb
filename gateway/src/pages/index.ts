export { corsOriginsFromEnv, pagesOptionsFromEnv } from './config.js';
export { CONTENT_SECURITY_POLICY } from './headers.js';
export { pageRoutes, type PagesOptions } from './pages.js';
