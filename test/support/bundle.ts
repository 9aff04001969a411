import path from 'node:path';

export { bundleForNode, bundleWorkers, installedPackages } from '../../electron/tools/bundle';

/**
 * The environment of a child running a bundle, with Node's compile cache (Node 22.1+) beside it:
 * the children after the first that exits skip compiling the bundle's 4 MB, about half of a
 * child's start-up on a loaded machine. Node checks the cache against the file's content.
 */
export function bundledChildEnv(bundle: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NODE_COMPILE_CACHE: path.join(path.dirname(bundle), 'compile-cache'), ...env };
}
