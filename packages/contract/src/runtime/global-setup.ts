/**
 * vitest's globalSetup for a contract run: starts the target named by CONTRACT_TARGET once for the whole run
 * (unless it must live in the test processes) and hands its address and capabilities to them.
 */
import type { TestProject } from 'vitest/node';
import { optionsFromEnv } from '../options.js';
import './provided.js';
import { infoOf, targets, type RunningTarget, type TargetInfo } from '../targets/index.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const options = optionsFromEnv();
  const target = targets[options.target];
  // The CLI starts a main-process target itself, to turn a failure to start into a sentence, and hands it over.
  const started = process.env['CONTRACT_RUNNING_TARGET'];
  if (started) {
    project.provide('contract', { options, target: JSON.parse(started) as TargetInfo });
    return async () => {};
  }
  let running: RunningTarget | undefined;
  if (target.runsIn === 'main') running = await target.start(options);
  project.provide('contract', { options, target: running ? infoOf(running) : undefined });
  return async () => {
    await running?.stop();
  };
}
