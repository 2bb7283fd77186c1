/**
 * Returns a function that replaces every occurrence of the given secrets in a string, so log
 * lines and error messages cannot leak the Chat2Desk token or the JWT secret even when an
 * upstream or runtime error happens to echo them.
 */
export function createRedactor(secrets: ReadonlyArray<string | undefined>): (text: string) => string {
  // Short values would redact innocent text (and hide nothing worth hiding); real tokens are long.
  const needles = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
  if (needles.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const needle of needles) {
      if (out.includes(needle)) out = out.split(needle).join('[redacted]');
    }
    return out;
  };
}
