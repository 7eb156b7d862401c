#!/usr/bin/env node
// Thin launcher: all logic lives in the compiled sources so the bin stays stable.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));
