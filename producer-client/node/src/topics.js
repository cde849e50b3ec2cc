// Topic names of one deployment, as dev.hermes.schemas.Topics.
export const DEFAULT_PREFIX = 'hermes.';

/** @param {string} [prefix] */
export function topics(prefix = DEFAULT_PREFIX) {
  if (typeof prefix !== 'string' || !/^[A-Za-z0-9._-]*$/.test(prefix)) {
    throw new Error(`topic prefix may only hold letters, digits, '.', '_' and '-', got '${prefix}'`);
  }
  return {
    prefix,
    requests: `${prefix}runtime.requests`,
    replies: `${prefix}runtime.replies`,
  };
}
