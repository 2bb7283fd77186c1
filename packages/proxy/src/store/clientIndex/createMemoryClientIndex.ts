import { checkPage } from '../Page.js';
import { type ClientIndex, type ClientIndexStatus, INITIAL_CLIENT_INDEX_STATUS } from './ClientIndex.js';
import { checkClientIndexStatus } from './clientIndexStatus.js';
import { createClientSearchIndex } from './createClientSearchIndex.js';

/** A {@link ClientIndex} in this process's memory: for tests, and for a proxy that keeps nothing across restarts. */
export function createMemoryClientIndex(): ClientIndex {
  const index = createClientSearchIndex();
  let status: ClientIndexStatus = INITIAL_CLIENT_INDEX_STATUS;
  let closed = false;

  const checkOpen = () => {
    if (closed) throw new Error('the client index is closed');
  };

  return {
    async upsert(updates) {
      checkOpen();
      index.put(index.merge(updates));
    },
    async remove(id) {
      checkOpen();
      index.remove(id);
    },
    async search(query, page) {
      checkOpen();
      checkPage(page);
      return index.search(query, page);
    },
    async get(ids) {
      checkOpen();
      return index.get(ids);
    },
    async status() {
      checkOpen();
      return { ...status };
    },
    async setStatus(next) {
      checkOpen();
      status = checkClientIndexStatus(next);
    },
    async close() {
      closed = true;
    },
  };
}
