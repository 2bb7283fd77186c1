import type { ProxyDeps } from '../ProxyDeps.js';
import { createLookupRoutes } from './lookups.js';

/** `/operator-groups`: the groups a dialog can be handed to as a whole (`GET /v1/operators_groups`), each with its operators' ids. */
export const createOperatorGroupsRoutes = ({ lookups }: ProxyDeps) => createLookupRoutes(lookups.operatorGroups);
