export * from './dataset.js';
export * from './graphql.js';
export * from './memory.js';
export * from './report.js';
export * from './run.js';
export * from './sql.js';
export * from './timing.js';
