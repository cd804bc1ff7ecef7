/**
 * A small development panel for the mocks in the browser: pick a scenario and a fault, see the current
 * choice, switch without a reload (the signed-in session stays); with a backend, switch each operation between
 * the mocks and the backend; and see the journal's last exchanges. The choices are kept in localStorage, so
 * they hold across reloads until changed here. Plain DOM, no framework; import it only where the worker starts
 * (in the mock-only branch), so production bundles never contain it.
 */
import type { Operation } from '@customer-portal/core';
import type { Exchange } from './backend/exchange-types.js';
import type { PortalWorker } from './browser.js';
import { isDocumented } from './documented.js';
import type { Fault } from './chosen-answers.js';

const PANEL_OPEN_KEY = 'customer-portal:mock-panel-open';
const EVERY = '*';
const SLOW_MS = 2000;
/** How many of the journal's exchanges the panel lists, newest first. */
const EXCHANGES_SHOWN = 25;
const REFRESH_MS = 500;

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

/** One checkbox per operation, ticked when the backend serves it; a change moves the operation at once. */
function backendSwitches(worker: PortalWorker): HTMLFieldSetElement {
  const boxes = worker.operations.map((o) => {
    const box = element('input', { type: 'checkbox', name: 'backend', value: o.operationId, checked: worker.servedBy(o.operationId) === 'backend' });
    box.addEventListener('change', () => (box.checked ? worker.useBackend(o.operationId) : worker.useMocks(o.operationId)));
    const label = element('label', { title: `${o.method.toUpperCase()} ${o.path}` }, box, ` ${o.operationId}`);
    label.style.cssText = 'display:block;margin:0';
    return label;
  });
  const list = element('div', {}, ...boxes);
  list.style.cssText = 'max-height:140px;overflow:auto';
  return element('fieldset', {}, element('legend', { textContent: `Served by the backend (${worker.backendUrl})` }), list);
}

/** What one exchange's row says: operation, source, status (or why none), duration, and any breach. */
export function exchangeCells(exchange: Exchange): string[] {
  const breaches = exchange.breaches.length > 0 ? ` ⚠ ${exchange.breaches.length} breach${exchange.breaches.length > 1 ? 'es' : ''}` : '';
  return [
    exchange.operationId ?? `${exchange.method} ${new URL(exchange.url).pathname}`,
    exchange.source,
    `${exchange.response ? exchange.response.status : 'no answer'}${breaches}`,
    `${Math.round(exchange.durationMs)} ms`,
  ];
}

/** The journal's last exchanges, newest first, with a button that clears it; `refresh()` redraws the rows. */
function journalTable(worker: PortalWorker): { section: HTMLElement; refresh(): void } {
  const body = element('tbody');
  const caption = element('caption', { textContent: 'Exchanges' });
  caption.style.cssText = 'text-align:left;font-weight:600';
  const head = element('thead', {}, element('tr', {}, ...['Operation', 'Source', 'Status', 'Time'].map((t) => element('th', { textContent: t, scope: 'col' }))));
  const table = element('table', {}, caption, head, body);
  table.style.cssText = 'border-collapse:collapse;width:100%;font-size:12px';
  const clear = element('button', { type: 'button', textContent: 'Clear the journal' });
  let drawn = '';
  const refresh = () => {
    const last = worker.journal().slice(-EXCHANGES_SHOWN).reverse();
    const key = last.map((e) => `${e.startedAt}${e.operationId}${e.response?.status}`).join('|');
    if (key === drawn) return;
    drawn = key;
    body.replaceChildren(
      ...last.map((exchange) => {
        const row = element('tr', {}, ...exchangeCells(exchange).map((text) => element('td', { textContent: text })));
        const why = exchange.error ?? exchange.breaches.map((b) => `${b.location}: ${b.message}`).join('\n');
        if (why) row.title = why;
        if (exchange.breaches.length > 0 || exchange.error) row.style.color = '#a40000';
        return row;
      }),
    );
  };
  clear.addEventListener('click', () => {
    worker.clearJournal();
    refresh();
  });
  const scroll = element('div', {}, table);
  scroll.style.cssText = 'max-height:180px;overflow:auto';
  return { section: element('section', {}, scroll, clear), refresh };
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
  const journal = journalTable(worker);
  const details = element(
    'details',
    {},
    summary,
    element('label', {}, 'Scenario ', scenario),
    element('label', {}, 'Fault on ', operation),
    element('label', {}, 'Fault ', fault),
    status,
    ...(worker.backendUrl ? [backendSwitches(worker)] : []),
    journal.section,
  );
  const panel = element('aside', { className: 'customer-portal-mock-panel' }, details);
  panel.setAttribute('aria-label', 'Mock API');
  // A select inside its label would take its options' text into the label's name: name each one itself.
  scenario.setAttribute('aria-label', 'Scenario');
  operation.setAttribute('aria-label', 'Fault on');
  fault.setAttribute('aria-label', 'Fault');
  panel.style.cssText =
    'position:fixed;right:12px;bottom:12px;z-index:2147483647;font:13px system-ui,sans-serif;background:#fff;color:#111;' +
    'border:1px solid #888;border-radius:6px;padding:6px 10px;box-shadow:0 2px 8px #0003;max-width:420px';
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
  // The journal has no events to listen to: while the panel is open it is read again twice a second.
  const timer = setInterval(() => details.open && journal.refresh(), REFRESH_MS);

  show();
  journal.refresh();
  document.body.append(panel);
  return () => {
    clearInterval(timer);
    panel.remove();
  };
}
