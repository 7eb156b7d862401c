#!/usr/bin/env node
// npm run schema: writes schema/prompt-set.schema.json and schema/pack.schema.json from the schema
// definitions in src/core/prompt-schema.ts and src/core/pack-manifest.ts. Tests fail when a committed file drifts.
import { writeFileSync } from 'node:fs';
import { toJsonSchema } from '../dist/core/prompt-schema.js';
import { toPackJsonSchema } from '../dist/core/pack-manifest.js';

for (const [file, schema] of [['prompt-set.schema.json', toJsonSchema()], ['pack.schema.json', toPackJsonSchema()]]) {
  writeFileSync(new URL(`../schema/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schema/${file}`);
}
