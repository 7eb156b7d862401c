import { Command } from 'commander';
import { examples } from '../filters.js';
import { promptsAnswersCommand } from './prompts-answers.js';
import { promptsInstallCommand } from './prompts-install.js';
import { promptsListCommand } from './prompts-list.js';
import { promptsNewCommand } from './prompts-new.js';
import { promptsShowCommand } from './prompts-show.js';
import { promptsUninstallCommand } from './prompts-uninstall.js';
import { promptsValidateCommand } from './prompts-validate.js';

/** `reflect prompts ...`: the prompt sets, for the people who run them and the coaches who write them. */
export function promptsCommand(): Command {
  const command = new Command('prompts')
    .description('list, show, check and create prompt sets, and skeletons of answers files; install and uninstall prompt packs')
    .addHelpText(
      'after',
      examples(
        'reflect prompts list',
        'reflect prompts show breakthrough',
        'reflect prompts answers daily > answers.yaml',
        'reflect prompts validate my-set.yaml',
        'reflect prompts new values-compass',
        'reflect prompts install values-pack-1.2.0.zip',
      ),
    );
  const subs = [promptsListCommand(), promptsShowCommand(), promptsAnswersCommand(), promptsValidateCommand(), promptsNewCommand(), promptsInstallCommand(), promptsUninstallCommand()];
  for (const sub of subs) command.addCommand(sub);
  return command;
}
