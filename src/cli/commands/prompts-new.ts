import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { refused, usageError } from '../../core/errors.js';
import { SET_ID } from '../../core/prompt-schema.js';
import { configDir } from '../../store/location.js';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';

export interface PromptsNewOptions {
  id: string;
}

export function promptsNewCommand(): Command {
  return new Command('new')
    .description('start a new prompt set from a commented template in your prompts folder')
    .argument('<id>', 'the set’s id: lower-case letters, digits and -')
    .addHelpText('after', examples('reflect prompts new values-compass', '$EDITOR "$(reflect prompts new values-compass)"'))
    .action(async (id: string, _options: unknown, cmd: Command) => runPromptsNew({ id }, depsFor(cmd)));
}

export async function runPromptsNew(options: PromptsNewOptions, deps: Deps): Promise<void> {
  if (!SET_ID.test(options.id)) throw usageError(`"${options.id}" can't be a set id: use lower-case letters, digits and -`);
  const dir = join(configDir(deps.env), 'prompts');
  const path = join(dir, `${options.id}.yaml`);
  if (existsSync(path)) throw refused(`${path} already exists; it was left as it is`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { SCHEMA_FILE } = await import('../../prompts/library.js');
  writeFileSync(path, template(options.id, SCHEMA_FILE), { flag: 'wx', mode: 0o600 });
  deps.stdout.write(`${path}\n`);
  deps.stderr.write(`Created. Edit it, then check it with: reflect prompts validate ${path}\n`);
}

export function template(id: string, schemaFile: string): string {
  // The first line lets editors with the YAML language server complete and check the file.
  return `# yaml-language-server: $schema=${schemaFile}
# A reflect prompt set. Check it with: reflect prompts validate <this file>
id: ${id}
title: ${id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())}
description: One sentence on what this set is for.
version: 1
intro: |
  A few words before the first question: why we are here, and that there are no wrong answers.
questions:
  # Types: text (default), long (opens the editor), choice, multi, scale, confirm.
  # 'elicits' says what a question listens for, so its answers can be read for it:
  # insight, feeling, value, belief, plan or fact. It is optional, on any type.
  - id: situation
    ask: What situation keeps coming back to you?
    hint: One sentence is enough.
    elicits: fact

  - id: weight
    ask: How heavy does it feel?
    elicits: feeling
    type: scale
    min: 1
    max: 10
    labels: {1: light, 10: crushing}

  # {{situation}} quotes an earlier answer; 'when' asks only if a condition on earlier answers holds.
  - id: underneath
    ask: 'When you think about "{{situation}}", what matters to you underneath?'
    elicits: value
    when:
      question: weight
      atLeast: 5
    # Follow-up probes, asked in turn; an empty answer ends the chain. A probe is text, or
    # {ask, elicits} to say what it listens for (a probe does not inherit its question's).
    deeper:
      - And if that is true, what does it say about what you value?
      - ask: What do you believe would happen if you honoured it?
        elicits: belief

  - id: step
    ask: What is one small step you could take this week?
    elicits: plan
    required: false

outro: Thank you for taking the time.

# Next actions offered after each answer is classified, by label.
actions:
  breakthrough: ["Write down what you saw about {{situation}} and put it where you'll see it."]
  challenge: ["How could you make {{situation}} 10% easier this week?"]
`;
}
