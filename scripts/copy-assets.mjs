// Copy the data files the compiled code reads at run time (rubrics, the report page's script and styles) next to it in dist/.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';

mkdirSync('dist/src/rubrics', { recursive: true });
for (const f of readdirSync('src/rubrics')) if (f.endsWith('.json')) cpSync(`src/rubrics/${f}`, `dist/src/rubrics/${f}`);
mkdirSync('dist/src/report/assets', { recursive: true });
for (const f of readdirSync('src/report/assets')) cpSync(`src/report/assets/${f}`, `dist/src/report/assets/${f}`);
