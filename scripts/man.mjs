#!/usr/bin/env node
// Writes man/reflect.1 from the command tree (run by `npm run build`, after tsc), so the page
// shipped in the package says what --help says. `node scripts/man.mjs <file>` writes elsewhere.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildProgram, VERSION } from '../dist/cli/program.js';
import { commandTree } from '../dist/cli/command-tree.js';
import { manPage } from '../dist/cli/man-page.js';

const out = process.argv[2] ?? 'man/reflect.1';
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, manPage(commandTree(buildProgram()), VERSION));
