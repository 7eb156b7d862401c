/**
 * The environment handed to programs reflect starts (the editor, the pager): the user's, less a
 * passphrase set in it, which is reflect's to read and no other program's. The variables that
 * name a file or a command are not secrets, and stay.
 */
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { REFLECT_PASSPHRASE: _current, REFLECT_NEW_PASSPHRASE: _new, ...rest } = env;
  return rest;
}
