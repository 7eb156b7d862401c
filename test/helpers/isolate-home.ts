import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const home = mkdtempSync(join(tmpdir(), 'reflect-test-home-'));
process.env.HOME = home;
process.env.XDG_DATA_HOME = join(home, 'data');
process.env.XDG_CONFIG_HOME = join(home, 'config');
process.env.XDG_STATE_HOME = join(home, 'state');
process.env.XDG_CACHE_HOME = join(home, 'cache');
process.env.REFLECT_DB = join(home, 'default-journal.db');
delete process.env.REFLECT_PROMPTS;
delete process.env.VISUAL;
delete process.env.EDITOR;
delete process.env.DEBUG;
delete process.env.FORCE_COLOR;
delete process.env.NO_COLOR;
process.env.TZ = 'UTC';
