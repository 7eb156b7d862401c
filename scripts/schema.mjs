#!/usr/bin/env node
// npm run schema: writes the JSON Schemas in schema/ from the one definition of each format in
// src/core/ (prompt sets, the config file). A test fails when a committed file drifts from it.
import { writeFileSync } from 'node:fs';
import { toJsonSchema } from '../dist/core/prompt-schema.js';
import { configJsonSchema } from '../dist/core/config.js';

for (const [file, schema] of [
  ['prompt-set.schema.json', toJsonSchema()],
  ['config.schema.json', configJsonSchema()],
]) {
  writeFileSync(new URL(`../schema/${file}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schema/${file}`);
}
