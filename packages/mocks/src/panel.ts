/**
 * A small development panel for the mocks in the browser: pick a scenario and a fault, see the current
 * choice, switch without a reload (the signed-in session stays). The choice is kept in localStorage, so it
 * holds across reloads until changed here. Plain DOM, no framework; import it only where the worker starts
 * (in the mock-only branch), so production bundles never contain it.
 */
import type { Operation } from '@customer-portal/core';
import type { PortalWorker } from './browser.js';
import { isDocumented } from './documented.js';
import type { Fault } from './faults.js';

const PANEL_OPEN_KEY = 'customer-portal:mock-panel-open';
const EVERY = '*';
const SLOW_MS = 2000;

/** The statuses a fault on these operations may answer: the error statuses all of them document, and 503. */
function errorStatuses(operations: Operation[]): number[] {
  const codes = new Set<number>([500, 503]);
  for (const code of Object.keys(operations[0]?.responses ?? {}).map(Number)) if (code >= 400) codes.add(code);
  return [...codes].filter((code) => operations.every((o) => isDocumented(o, code))).sort((a, b) => a - b);
}

function faultValue(fault: Fault | undefined): string {
  if (!fault) return 'none';
  if (fault.networkError) return 'network';
  if (fault.status !== undefined) return `status:${fault.status}`;
  return 'slow';
}

function faultOf(value: string, operation: string): Fault | undefined {
  const on = operation === EVERY ? {} : { operation: operation as Fault['operation'] & string };
  if (value === 'none') return undefined;
  if (value === 'network') return { ...on, networkError: true };
  if (value === 'slow') return { ...on, latency: SLOW_MS };
  return { ...on, status: Number(value.slice('status:'.length)) };
}

/** What the panel's summary says: the scenario, and the fault if there is one. */
export function describeChoice(scenario: string, fault: Fault | undefined): string {
  if (!fault) return `scenario ${scenario}, no fault`;
  const where = fault.operation ? `on ${fault.operation}` : 'on every call';
  const what = fault.networkError ? 'network error' : fault.status !== undefined ? `${fault.status}` : `slow (${SLOW_MS / 1000} s)`;
  return `scenario ${scenario}, ${what} ${where}`;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function option(value: string, text: string, title = ''): HTMLOptionElement {
  return element('option', { value, textContent: text, title });
}

/**
 * Mounts the panel at the bottom right of the page; returns a function that removes it.
 *
 * @example
 * const { startPortalWorker } = await import('@customer-portal/mocks/browser');
 * const worker = await startPortalWorker();
 * const { mountMockPanel } = await import('@customer-portal/mocks/panel');
 * mountMockPanel(worker);
 */
export function mountMockPanel(worker: PortalWorker): () => void {
  const scenario = element('select', { name: 'scenario' });
  for (const [name, s] of Object.entries(worker.scenarios)) scenario.append(option(name, name, s.description));
  const operation = element('select', { name: 'operation' }, option(EVERY, 'every operation'));
  for (const o of worker.operations) operation.append(option(o.operationId, o.operationId, `${o.method.toUpperCase()} ${o.path}`));
  const fault = element('select', { name: 'fault' });
  const summary = element('summary');
  const status = element('p');
  status.setAttribute('role', 'status');
  const details = element(
    'details',
    {},
    summary,
    element('label', {}, 'Scenario ', scenario),
    element('label', {}, 'Fault on ', operation),
    element('label', {}, 'Fault ', fault),
    status,
  );
  const panel = element('aside', { className: 'customer-portal-mock-panel' }, details);
  panel.setAttribute('aria-label', 'Mock API');
  // A select inside its label would take its options' text into the label's name: name each one itself.
  scenario.setAttribute('aria-label', 'Scenario');
  operation.setAttribute('aria-label', 'Fault on');
  fault.setAttribute('aria-label', 'Fault');
  panel.style.cssText =
    'position:fixed;right:12px;bottom:12px;z-index:2147483647;font:13px system-ui,sans-serif;background:#fff;color:#111;' +
    'border:1px solid #888;border-radius:6px;padding:6px 10px;box-shadow:0 2px 8px #0003;max-width:320px';
  panel.querySelectorAll('label').forEach((label) => (label.style.cssText = 'display:block;margin:6px 0'));

  const fillFaults = () => {
    const targets = operation.value === EVERY ? worker.operations : worker.operations.filter((o) => o.operationId === operation.value);
    fault.replaceChildren(
      option('none', 'none'),
      ...errorStatuses(targets).map((code) => option(`status:${code}`, `${code} problem`)),
      option('slow', `slow (${SLOW_MS / 1000} s)`),
      option('network', 'network error'),
    );
  };
  const show = () => {
    const chosen = worker.chosenFault;
    scenario.value = worker.scenario;
    // With no fault the operation stays as picked, ready for the fault chosen next.
    if (chosen) operation.value = chosen.operation ?? EVERY;
    fillFaults();
    fault.value = faultValue(chosen);
    summary.textContent = `Mocks: ${describeChoice(worker.scenario, chosen)}`;
    status.textContent = `Now: ${describeChoice(worker.scenario, chosen)}.`;
  };

  scenario.addEventListener('change', () => {
    worker.chooseScenario(scenario.value);
    show();
  });
  operation.addEventListener('change', () => {
    worker.chooseFault(faultOf(fault.value, operation.value));
    show();
  });
  fault.addEventListener('change', () => {
    worker.chooseFault(faultOf(fault.value, operation.value));
    show();
  });
  details.open = localStorage.getItem(PANEL_OPEN_KEY) === 'true';
  details.addEventListener('toggle', () => localStorage.setItem(PANEL_OPEN_KEY, String(details.open)));

  show();
  document.body.append(panel);
  return () => panel.remove();
}
