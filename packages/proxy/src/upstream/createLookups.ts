import type { OperatorGroup, Tag, Template } from '@c2d-console/core';
import { cachedFor } from './cachedFor.js';
import type { CallStats, UpstreamClient } from './createUpstreamClient.js';
import { mapOperatorGroupList, mapTagList, mapTemplateList, type UpstreamList } from './mappers.js';
import { operatorGroupsPath, tagsPath, templatesPath } from './paths.js';

/**
 * How long the account's operator groups, quick replies and tags are kept: admins change them
 * rarely, no webhook tells of a change, and every read is billed.
 */
export const LOOKUP_TTL_MS = 5 * 60_000;

/** The account's short lists the operator picks from, each read at most once per {@link LOOKUP_TTL_MS}. */
export interface Lookups {
  operatorGroups(stats: CallStats): Promise<UpstreamList<OperatorGroup>>;
  templates(stats: CallStats): Promise<UpstreamList<Template>>;
  tags(stats: CallStats): Promise<UpstreamList<Tag>>;
}

/** Creates the proxy's {@link Lookups} over `upstream`. */
export function createLookups(upstream: UpstreamClient, ttlMs = LOOKUP_TTL_MS): Lookups {
  return {
    operatorGroups: cachedFor(ttlMs, (stats) => upstream.get(operatorGroupsPath(), mapOperatorGroupList, stats)),
    templates: cachedFor(ttlMs, (stats) => upstream.get(templatesPath(), mapTemplateList, stats)),
    tags: cachedFor(ttlMs, (stats) => upstream.get(tagsPath(), mapTagList, stats)),
  };
}

/** Whether a list holds everything Chat2Desk has (its `meta.total`, when it said, is not larger). */
export const isWholeList = (list: UpstreamList<unknown>): boolean => list.meta.total === undefined || list.meta.total <= list.data.length;
