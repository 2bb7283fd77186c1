import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ProxyEnv } from '../ProxyEnv.js';
import { isProxyError, ProxyError, type ProxyErrorCode } from '../ProxyError.js';
import type { ProxyLogger } from '../ProxyLogger.js';
import { routeOf } from './requestLog.js';

/** Options of {@link errorAnswer} and {@link notFoundAnswer}. */
export interface ErrorAnswerOptions {
  logger: ProxyLogger;
  /** Applied to every message and log line (an upstream error may echo the token). */
  redact: (text: string) => string;
}

function envelope(c: Context, error: ProxyError, redact: (text: string) => string): Response {
  if (error.retryAfter !== undefined) c.header('Retry-After', String(error.retryAfter));
  const status = error.status as 400;
  return c.json({ error: { code: error.code, message: redact(error.message) } }, status);
}

/** A value thrown that is not an `Error` (`throw 'nope'`), wrapped so the error answer sees it. */
export class NonErrorThrown extends Error {
  override readonly name = 'NonErrorThrown';

  /** What was thrown. */
  readonly value: unknown;

  constructor(value: unknown) {
    super(`A value that is not an Error was thrown: ${describeThrown(value)}`);
    this.value = value;
  }
}

function describeThrown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Hono hands only `Error`s to `onError`: anything else thrown further in (`throw 'nope'` in an
 * `authorize` hook) would escape it as an empty 500 with no log line. Placed right after the
 * request log, this wraps such a value in a {@link NonErrorThrown}, which `onError` answers and
 * logs like any other bug.
 */
export function catchNonErrors(): MiddlewareHandler {
  return async function wrapNonErrors(_c, next) {
    try {
      await next();
    } catch (thrown) {
      throw thrown instanceof Error ? thrown : new NonErrorThrown(thrown);
    }
  };
}

/**
 * The proxy's `onError`: a `ProxyError` becomes its `{ error: { code, message } }` envelope, a
 * Hono `HTTPException` the matching one; anything else is a bug, logged with its stack and
 * answered as a bare 500 `internal` (no details leave the server).
 */
export function errorAnswer({ logger, redact }: ErrorAnswerOptions): ErrorHandler<ProxyEnv> {
  return function answerError(error, c) {
    if (isProxyError(error)) return envelope(c, error, redact);
    if (error instanceof HTTPException) {
      const code: ProxyErrorCode = error.status === 401 ? 'unauthorized' : error.status === 413 ? 'payload_too_large' : 'bad_request';
      return envelope(c, new ProxyError(error.status, code, error.message || 'The request was refused'), redact);
    }
    logger.error(
      redact(
        JSON.stringify({
          time: new Date().toISOString(),
          level: 'error',
          msg: 'unhandled error',
          method: c.req.method,
          route: routeOf(c),
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
      ),
    );
    return envelope(c, new ProxyError(500, 'internal', 'The proxy failed to handle this request; see its logs'), redact);
  };
}

/** The proxy's `notFound`: a 404 `not_found` envelope naming the method and path. */
export function notFoundAnswer({ redact }: Pick<ErrorAnswerOptions, 'redact'>): NotFoundHandler<ProxyEnv> {
  return function answerNotFound(c) {
    const error = new ProxyError(404, 'not_found', `No route ${c.req.method} ${c.req.path}; see the routes in @c2d-console/proxy's README`);
    return envelope(c, error, redact);
  };
}
