export * from './document.js';
export * from './finding.js';
export * from './indicator.js';
export * from './provenance.js';
export * from './quantity.js';
export * from './target.js';
export * from './verification.js';
export * from './results.js';
