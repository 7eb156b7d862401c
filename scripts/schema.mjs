#!/usr/bin/env node
// npm run schema: writes the JSON Schemas in schema/ from the one definition of each format in
// src/core/ (prompt sets, pack manifests, the config file). A test fails when a committed file drifts from it.
import { writeFileSync } from 'node:fs';
import { toJsonSchema } from '../dist/core/prompt-schema.js';
import { toPackJsonSchema } from '../dist/core/pack-manifest.js';
import { configJsonSchema } from '../dist/core/config.js';

for (const [file, schema] of [
  ['prompt-set.schema.json', toJsonSchema()],
  ['pack.schema.json', toPackJsonSchema()],
  ['config.schema.json', configJsonSchema()],
]) {
  writeFileSync(new URL(`../schema/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schema/${file}`);
}
