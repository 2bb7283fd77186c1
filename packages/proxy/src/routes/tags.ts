import type { ProxyDeps } from '../ProxyDeps.js';
import { createLookupRoutes } from './lookups.js';

/** `/tags`: the tags a client can be given (`GET /v1/tags`); `POST /clients/:id/tags` sets them. */
export const createTagsRoutes = ({ lookups }: ProxyDeps) => createLookupRoutes(lookups.tags);
