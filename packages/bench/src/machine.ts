import os from 'node:os';

/** The machine a run happened on: results mean little without it. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  date: string;
}

/**
 * Describes this machine for the report.
 *
 * @example
 * describeMachine(); // { cpu: 'Intel(R) Xeon(R) Processor', cores: 2, memoryGb: 23.5, node: 'v20.20.2', ... }
 */
export function describeMachine(now = new Date()): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: now.toISOString(),
  };
}
