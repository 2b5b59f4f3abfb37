/** Write the JSON Schemas shipped with the package (generated from zod): schema/document.schema.json, schema/result-line.schema.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { documentJsonSchema, resultLineJsonSchema } from '../src/schema/json-schema.js';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/document.schema.json', `${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
writeFileSync('schema/result-line.schema.json', `${JSON.stringify(resultLineJsonSchema(), null, 2)}\n`);
console.log('wrote schema/document.schema.json, schema/result-line.schema.json');
