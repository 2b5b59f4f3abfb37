/** Write schema/document.schema.json, the JSON Schema shipped with the package (generated from zod). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { documentJsonSchema } from '../src/schema/json-schema.js';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/document.schema.json', `${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
console.log('wrote schema/document.schema.json');
