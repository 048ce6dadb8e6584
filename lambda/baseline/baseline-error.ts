/** A baseline file that cannot be read or does not match the schema; the message names the fact and field. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}
