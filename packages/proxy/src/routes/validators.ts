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
// this runs first, so both keep the proxy's envelope and messages.
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Refuses a body that is not declared as JSON or does not parse, before {@link validJson} reads it. */
export const jsonBody: MiddlewareHandler = async (c, next) => {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    throw new ProxyError(400, 'bad_request', 'Send the body as JSON with Content-Type: application/json');
  }
  try {
    await c.req.json(); // kept by Hono: the validator reads the parsed body again for free
  } catch {
    throw new ProxyError(400, 'bad_request', 'The body is not valid JSON');
  }
  await next();
};

/** Validates the JSON body (after {@link jsonBody}). */
export const validJson = <T>(schema: z.ZodType<T>) => validator('json', (value) => parseRequest(schema, value, 'body'));
