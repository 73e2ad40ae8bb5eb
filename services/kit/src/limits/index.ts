export * from './cost.js';
export * from './plugin.js';
export * from './settings.js';
