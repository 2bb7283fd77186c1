import type { Page } from '../Page.js';

/** What the client index keeps of a Chat2Desk client: enough to find and order them. */
export interface ClientIndexEntry {
  id: number;
  name: string | null;
  phone: string | null;
  /** The name an operator gave the client (`assigned_name`). */
  assignedName: string | null;
  /** When the client last wrote (ISO 8601, UTC), or `null`. */
  lastMessageAt: string | null;
}

/**
 * A change to one client. Fields left out keep what the index has (an `inbox` webhook only
 * brings `lastMessageAt`); `null` clears a field, except `lastMessageAt`, which only moves
 * forward. A new client's missing fields are `null`.
 */
export type ClientIndexUpdate = Pick<ClientIndexEntry, 'id'> & Partial<Omit<ClientIndexEntry, 'id'>>;

/** How far the background pass through `/v1/clients` has come, for the `meta` of `GET /clients?q=`. */
export interface ClientIndexStatus {
  /** Clients read by the current (or last) pass. */
  indexed: number;
  /** Clients Chat2Desk reported having, when known. */
  total: number | null;
  /** True once a pass has read every page. */
  complete: boolean;
  /** When the status last changed (ISO 8601), or `null` before the first pass. */
  updatedAt: string | null;
}

/** What {@link ClientIndex.search} answers. */
export interface ClientSearchResult {
  /** The page of matching clients, the most recent writers first. */
  entries: ClientIndexEntry[];
  /** How many match in all. */
  total: number;
}

/**
 * The proxy's own index of clients for name search, which Chat2Desk's API does not offer.
 * Searching is case- and accent-insensitive substring matching over the name and the assigned
 * name, in Cyrillic and Latin alike (`ё` finds `е`, `e` finds `é`; `й` stays apart from `и`);
 * every word of the query must match. A query of digits (and `+ ( ) -` and spaces) matches the
 * phone's digits instead. Results come newest `lastMessageAt` first.
 */
export interface ClientIndex {
  /** Adds clients or changes them (see {@link ClientIndexUpdate}). */
  upsert(updates: readonly ClientIndexUpdate[]): Promise<void>;
  /** Forgets a client. */
  remove(id: number): Promise<void>;
  /** The clients matching `query` (all of them for a blank query), one page of them and the total. */
  search(query: string, page: Page): Promise<ClientSearchResult>;
  /**
   * The clients with these ids that the index holds (the others are left out), to name the
   * dialogs of the inbox without asking Chat2Desk. Optional: without it, the inbox reads names
   * from Chat2Desk within its budget.
   */
  get?(ids: readonly number[]): Promise<ClientIndexEntry[]>;
  /** How far indexing has come. */
  status(): Promise<ClientIndexStatus>;
  /** Records how far indexing has come. */
  setStatus(status: ClientIndexStatus): Promise<void>;
  /** Releases the index; later calls throw. */
  close(): Promise<void>;
}

/** The status of an index nothing has been written to. */
export const INITIAL_CLIENT_INDEX_STATUS: ClientIndexStatus = { indexed: 0, total: null, complete: false, updatedAt: null };
