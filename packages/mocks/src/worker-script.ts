/**
 * Whether the app serves msw's worker script, and the one of the installed msw. Without it the page stays
 * blank: a dev server with an SPA fallback answers index.html (a MIME-type error, with none of msw's hints),
 * and a script from another msw version may not speak the installed one's protocol.
 */
import mswPackage from 'msw/package.json' with { type: 'json' };

/** The command that copies the installed msw's worker script into a Vite app's public folder, without a prompt. */
export const INIT_COMMAND = 'npx msw init public --save';

const VERSION = /PACKAGE_VERSION = '([^']+)'/;

/**
 * A sentence saying what is wrong with the worker script the app serves and which command fixes it, or
 * undefined when it is the installed msw's.
 *
 * @example
 * await workerScriptProblem(await fetch('/mockServiceWorker.js'), '/mockServiceWorker.js'); // undefined
 */
export async function workerScriptProblem(response: Response, url: string, installed: string = mswPackage.version): Promise<string | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !/javascript/.test(type)) {
    return (
      `[customer-portal mocks] ${url} is missing (the app answered ${response.status} ${type || 'without a content type'}), ` +
      `so the mocks cannot start. Copy msw's worker script into your public folder: ${INIT_COMMAND}`
    );
  }
  const served = VERSION.exec(await response.text())?.[1];
  if (served === installed) return undefined;
  return (
    `[customer-portal mocks] ${url} comes from msw ${served ?? 'of an unknown version'}, but msw ${installed} is installed. ` +
    `Update it: ${INIT_COMMAND}`
  );
}

/** Logs the problem with the worker script at `url`, if any; never throws (the check only explains). */
export async function explainWorkerScript(url: string): Promise<void> {
  try {
    const problem = await workerScriptProblem(await fetch(url, { cache: 'no-store' }), url);
    if (problem) console.error(problem);
  } catch {
    // Offline or blocked: msw's own start-up error says the rest.
  }
}
