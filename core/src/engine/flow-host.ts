import type { FlowHost } from '../semantics/flow';
import { isContextSecret, scanLiteralTokens } from '../rules/shared/classify';
import type { RegionHost } from './facts';
import { NAME_HINT } from './name-checks';
import type { DeclaredVariable } from './project-entry';
import { incomingTaint, type Globals } from './project-rounds';
import type { Lookups } from './settled-globals';

/**
 * The flow host: what a file's flow pass asks the project (its project variables, name checks, other scripts'
 * globals); apart from the Project, which only picks the arguments. Without `self`, the file alone (no other
 * script's globals); with it, each region of file `self` also sees the globals the project's other scripts taint:
 * other files', and other regions' of the same file (an export holds many scripts). A region's own writes are its
 * own flow's, in order.
 */
export function flowHost(
  pvs: Map<string, DeclaredVariable>,
  isCredentialName: (name: string) => boolean,
  isSensitiveDataName: (name: string) => boolean,
  self: string | undefined,
  /** Given with `self`: the globals its regions see. */
  g: Globals | undefined,
  lookups?: Lookups,
): RegionHost {
  const base: FlowHost = {
    scanTokens: scanLiteralTokens,
    isContextSecret,
    isCredentialName,
    isSensitiveDataName,
    nameHint: (name) => NAME_HINT.test(name),
    isHiddenProjectVariable: (name) => pvs.size > 0 && pvs.get(name.toLowerCase())?.hidden === true,
    isSecretProjectVariable: (name) => pvs.size > 0 && pvs.get(name.toLowerCase())?.secret === true,
    incomingGlobal: () => undefined,
  };
  if (self === undefined || g === undefined) return base;
  return (regionId) => ({
    ...base,
    incomingGlobal: (name) => {
      const key = name.toLowerCase();
      const t = incomingTaint(g, key, self, regionId);
      lookups?.record(key, regionId, t);
      return t;
    },
  });
}
