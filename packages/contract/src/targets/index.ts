/** Every target the suite runs against, by name. */
import type { TargetName } from '../options.js';
import { mswTarget } from './msw.js';
import { prismTarget } from './prism.js';
import { referencePostgresTarget } from './reference-postgres.js';
import { referenceViaPrismProxyTarget } from './reference-via-prism-proxy.js';
import { referenceTarget } from './reference.js';
import type { ContractTarget } from './types.js';
import { urlTarget } from './url.js';

export const targets: Record<TargetName, ContractTarget> = {
  reference: referenceTarget,
  'reference-postgres': referencePostgresTarget,
  msw: mswTarget,
  prism: prismTarget,
  'reference-via-prism-proxy': referenceViaPrismProxyTarget,
  url: urlTarget,
};

export type { ContractTarget, RunningTarget, TargetInfo } from './types.js';
export { infoOf } from './types.js';
