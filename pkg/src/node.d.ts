// The `node` export has exactly the API of the main entry point.
export * from './index.js';
