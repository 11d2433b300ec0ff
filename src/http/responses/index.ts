// Every shape the API answers with: importing this module names them all in `apiComponents`.
export * from './account-responses.js';
export * from './assessment-responses.js';
export * from './batch-responses.js';
export * from './comparison-responses.js';
export * from './content-responses.js';
export * from './organisation-responses.js';
export * from './plan-responses.js';
export * from './report-responses.js';
export * from './suggestion-responses.js';
export * from './publication-responses.js';
export * from './event-responses.js';
