#!/usr/bin/env node
// npm run schema: writes schema/prompt-set.schema.json from the one schema definition in
// src/core/prompt-schema.ts. A test fails when the committed file drifts from it.
import { writeFileSync } from 'node:fs';
import { toJsonSchema } from '../dist/core/prompt-schema.js';

writeFileSync(new URL('../schema/prompt-set.schema.json', import.meta.url), `${JSON.stringify(toJsonSchema(), null, 2)}\n`);
console.log('wrote schema/prompt-set.schema.json');
