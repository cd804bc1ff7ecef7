/**
 * vitest's setupFiles for a contract run, executed before each test file: connects the test process to the
 * target (starting it here, once per process, when it lives in the test process like MSW), and attaches each
 * test's exchanges to the test for the reporter.
 */
import { afterAll, afterEach, inject, TestRunner } from 'vitest';
import { infoOf, targets } from '../targets/index.js';
import './provided.js';
import { hasSession, startSession, takeExchanges } from './session.js';
import './task-meta.js';

if (!hasSession()) {
  const { options, target } = inject('contract');
  // A host started here lives as long as the test process: the files share it, as they share a main-process host.
  startSession(target ?? infoOf(await targets[options.target].start(options)));
}

// Setup files run as the test file is collected, so this is the test file's task.
const file = TestRunner.getCurrentSuite().file;

afterEach(({ task }) => {
  task.meta.exchanges = takeExchanges();
});

afterAll(() => {
  // What the file's hooks exchanged outside any test.
  file.meta.exchanges = [...(file.meta.exchanges ?? []), ...takeExchanges()];
});
