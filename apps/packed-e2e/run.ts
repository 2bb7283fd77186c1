import { execFile } from 'node:child_process';
import { delimiter, sep } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** How much of a failed command's output an error carries. */
const OUTPUT_TAIL_CHARS = 6_000;

/** The last `OUTPUT_TAIL_CHARS` of a command's output, where its error usually is. */
export const outputTail = (output: string) =>
  output.length > OUTPUT_TAIL_CHARS ? `…${output.slice(-OUTPUT_TAIL_CHARS)}` : output;

/**
 * What a user's shell passes on: the basics, locale, proxies and certificates for reaching the
 * registry, and npm's registry and cache settings.
 */
const USER_ENV =
  /^(PATH|HOME|USER|LOGNAME|SHELL|TERM|TZ|TMPDIR|CI|LANG|LC_\w+|(HTTPS?|NO|ALL)_PROXY|NODE_EXTRA_CA_CERTS|SSL_CERT_(FILE|DIR)|npm_config_(registry|cache|userconfig))$/i;

/**
 * The environment for commands run as a user would run them in a fresh app, outside the
 * workspace: only what a shell would have. The test run's own variables stay out: Vitest sets
 * NODE_ENV=test (Vite then builds development JSX) and NODE_PATH into the workspace's store,
 * pnpm sets `npm_config_*` (npm would read them as its configuration) and puts the workspace's
 * `node_modules/.bin` on PATH.
 */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => USER_ENV.test(name)));
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.endsWith(`${sep}node_modules${sep}.bin`))
    .join(delimiter);
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

/**
 * Runs a command to completion and returns its stdout; on failure the error names the command
 * and ends with its output.
 */
export async function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, { ...options, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${options.cwd}:\n${outputTail(`${stdout}${stderr}`)}`, {
      cause: error,
    });
  }
}
