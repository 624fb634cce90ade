import type { HeaderKey } from './schema';

/** Common labels of the header fields the rules know, lower case. */
export const HEADER_LABELS: Record<string, HeaderKey> = {
  status: 'status',
  state: 'status',
  author: 'author',
  authors: 'author',
  owner: 'author',
  'prd link': 'prdLink',
  prd: 'prdLink',
  'last updated': 'lastUpdated',
  updated: 'lastUpdated',
};
