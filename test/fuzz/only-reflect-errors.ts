import { ReflectError } from '../../src/core/errors.js';

/** Runs `call`: returning or raising a ReflectError is fine; anything else is rethrown for fast-check to shrink. */
export function onlyReflectErrors(call: () => unknown): true {
  try {
    call();
  } catch (error) {
    if (!(error instanceof ReflectError)) throw error;
  }
  return true;
}
