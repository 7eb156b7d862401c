import type { Prompter } from './prompter.js';
import { scaleRange, type Question } from './prompt-set.js';
import type { AnswerSource, AskedQuestion } from './session.js';

/**
 * Answers from a person: each question type becomes the matching Prompter call. `initial` fills in
 * one-line answers by question id (the loop offer carries its theme in so), for the writer to keep or change.
 */
export function promptedAnswers(prompter: Prompter, initial: Record<string, string> = {}): AnswerSource {
  return {
    async answer(question: Question, asked: AskedQuestion) {
      const message = `[${asked.position}/${asked.total}] ${asked.text}`;
      const { hint, required } = { hint: asked.hint, required: question.required };
      const choices = (question.choices ?? []).map((c) => ({ value: c.value, label: c.label }));
      switch (question.type) {
        case 'long':
          return prompter.write({ message, hint, required });
        case 'choice':
          return prompter.choose({ message, hint, choices });
        case 'multi':
          return prompter.chooseMany({ message, hint, choices, required });
        case 'scale': {
          const [min, max] = scaleRange(question);
          return prompter.scale({ message, hint, min, max, labels: question.labels, required });
        }
        case 'confirm':
          return prompter.confirm({ message, hint });
        default:
          return prompter.ask({ message, hint, required, ...(Object.hasOwn(initial, question.id) ? { initial: initial[question.id] } : {}) });
      }
    },
    probe: (_question, probe) => prompter.ask({ message: `  ↳ ${probe}`, hint: '(Enter to move on)', required: false }),
  };
}
