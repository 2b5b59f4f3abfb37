// Copy the data files the compiled code reads at run time (rubrics) next to it in dist/.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';

mkdirSync('dist/src/rubrics', { recursive: true });
for (const f of readdirSync('src/rubrics')) if (f.endsWith('.json')) cpSync(`src/rubrics/${f}`, `dist/src/rubrics/${f}`);
