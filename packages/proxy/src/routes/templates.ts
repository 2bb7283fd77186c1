import type { ProxyDeps } from '../ProxyDeps.js';
import { createLookupRoutes } from './lookups.js';

/** `/templates`: the account's quick replies (`GET /v1/templates`). */
export const createTemplatesRoutes = ({ lookups }: ProxyDeps) => createLookupRoutes(lookups.templates);
