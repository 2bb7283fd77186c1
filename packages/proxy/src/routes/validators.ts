import type { MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { ProxyError } from '../ProxyError.js';
import { idSchema, parseRequest } from './requestSchemas.js';

// Validation as middleware: a handler reads `c.req.valid('query' | 'param' | 'json')`, typed by
// the schema, and never sees input that failed it (a 400 `bad_request` naming the field).

/** Validates the query string; `?limit=` counts as not given, as the browser client leaves empty values out anyway. */
export const validQuery = <T>(schema: z.ZodType<T>) =>
  validator('query', (value) => {
    const given: Record<string, string> = {};
    for (const [key, raw] of Object.entries(value)) {
      // A repeated parameter counts once, by its first value (as `c.req.query()` reads it).
      const first = Array.isArray(raw) ? raw[0] : raw;
      if (first !== undefined && first !== '') given[key] = first;
    }
    return parseRequest(schema, given, 'query parameter');
  });

/** Validates the `:id` path parameter as a positive integer. */
export const validId = validator('param', (value: Record<string, string>) => ({ id: parseRequest(idSchema('id'), value.id, 'path') }));

// Hono's `validator('json')` answers its own 400 for a wrong Content-Type or malformed JSON;
// this runs first, so both keep the proxy's envelope and messages. `application/json` and
// `+json` types only (not `json-seq`), in UTF-8: the body is decoded as UTF-8 whatever it
// declares, so another charset is refused rather than misread.
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const UTF8 = /^"?utf-?8"?$/i;

/** Why a `Content-Type` does not declare a UTF-8 JSON body, or undefined when it does. */
function jsonContentTypeProblem(contentType: string | undefined): string | undefined {
  const [mediaType = '', ...parameters] = (contentType ?? '').split(';').map((part) => part.trim());
  if (!JSON_MEDIA_TYPE.test(mediaType)) return 'Send the body as JSON with Content-Type: application/json';
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=').map((part) => part.trim());
    if (name.toLowerCase() === 'charset' && !UTF8.test(value)) {
      return `Send the body as UTF-8 JSON: Content-Type: application/json with charset=utf-8 or none (got charset=${value.slice(0, 40)})`;
    }
  }
  return undefined;
}

/** Refuses a body that is not declared as UTF-8 JSON or does not parse, before {@link validJson} reads it. */
export const jsonBody: MiddlewareHandler = async (c, next) => {
  const problem = jsonContentTypeProblem(c.req.header('content-type'));
  if (problem) throw new ProxyError(400, 'bad_request', problem);
  try {
    await c.req.json(); // kept by Hono: the validator reads the parsed body again for free
  } catch {
    throw new ProxyError(400, 'bad_request', 'The body is not valid JSON');
  }
  await next();
};

/** Validates the JSON body (after {@link jsonBody}). */
export const validJson = <T>(schema: z.ZodType<T>) => validator('json', (value) => parseRequest(schema, value, 'body'));
