/** Runs the contract runner (bin/contract.js) as a user would, with its report in a temporary directory. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReport, type ContractReport } from '../../src/coverage/contract-report.js';
import type { TargetName } from '../../src/options.js';

const BIN = fileURLToPath(new URL('../../bin/contract.js', import.meta.url));

export async function runContract(target: TargetName, args: string[]): Promise<{ code: number; report: ContractReport | undefined }> {
  const reportDir = mkdtempSync(join(tmpdir(), 'contract-report-'));
  try {
    const code = await new Promise<number>((resolve) => {
      execFile(process.execPath, [BIN, '--target', target, '--report-dir', reportDir, ...args], { env: { ...process.env, FORCE_COLOR: '0' } }, (error) =>
        resolve(error ? (typeof error.code === 'number' ? error.code : 1) : 0),
      );
    });
    return { code, report: readReport(reportDir, target) };
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}
