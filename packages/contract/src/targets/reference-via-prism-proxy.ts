/**
 * The reference server behind Prism's validating proxy with `--errors`: Prism checks every response against
 * openapi.yaml on its own, and turns a breach into a 500 problem listing it, which the suite reports.
 */
import type { ContractOptions } from '../options.js';
import { startPrism } from './prism-process.js';
import { startReferenceServer } from './reference.js';
import type { ContractTarget, RunningTarget } from './types.js';

export const referenceViaPrismProxyTarget: ContractTarget = {
  name: 'reference-via-prism-proxy',
  description: 'the reference server behind Prism\u2019s validating proxy (--errors), an independent validator',
  runsIn: 'main',
  async start(options: ContractOptions): Promise<RunningTarget> {
    const server = await startReferenceServer(options);
    // Request validation is off so that the suite's deliberately invalid requests reach the server and its
    // 4xx answers are validated too; with it on, Prism would answer those requests itself.
    const proxy = await startPrism({ command: 'proxy', upstream: server.url, flags: ['--errors', '--validate-request=false'] }).catch(
      async (error: unknown) => {
        await server.stop();
        throw error;
      },
    );
    return {
      name: 'reference-via-prism-proxy',
      baseUrl: proxy.url,
      capabilities: ['stateful', 'rules', 'isolation', 'sample-world', 'whole-origin'],
      missing: {
        direct:
          'Prism\u2019s proxy answers some requests itself, so they never reach the server: one without a token, one whose JSON does not parse, one for a route the contract lacks',
      },
      accounts: options.accounts,
      independentValidator: 'prism-proxy',
      async stop() {
        await proxy.stop();
        await server.stop();
      },
    };
  },
};
