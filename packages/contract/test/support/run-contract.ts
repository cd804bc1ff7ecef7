/** Runs the contract runner (bin/contract.js) as a user would, piped (not a terminal), with its reports in a temporary directory. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReport, type ContractReport } from '../../src/report/contract-report.js';
import type { TargetName } from '../../src/options.js';

const BIN = fileURLToPath(new URL('../../bin/contract.js', import.meta.url));

export interface ContractRun {
  code: number;
  stdout: string;
  stderr: string;
  report: ContractReport | undefined;
  /** The JUnit XML, when the run was given `--reporter junit` (written to the report folder). */
  junit: string | undefined;
}

/** The environment of a CI job: piped output, CI set, no colour preference of the caller's. */
function ciEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', ...extra };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'CONTRACT_TARGET', 'CONTRACT_BASE_URL', 'CONTRACT_REPORT_DIR']) if (!(name in extra)) delete env[name];
  return env;
}

/** Runs `bin/contract.js <args>` and reads what it left. */
export async function runBin(args: string[], env: Record<string, string> = {}, target: TargetName = 'url'): Promise<ContractRun> {
  const reportDir = mkdtempSync(join(tmpdir(), 'contract-report-'));
  const junitPath = join(reportDir, 'junit.xml');
  try {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [BIN, '--report-dir', reportDir, ...args], { env: ciEnv(env), maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });
    let junit: string | undefined;
    try {
      junit = readFileSync(junitPath, 'utf8');
    } catch {
      junit = undefined;
    }
    return { code, stdout, stderr, report: readReport(reportDir, target), junit };
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}

export async function runContract(target: TargetName, args: string[]): Promise<{ code: number; report: ContractReport | undefined }> {
  const { code, report } = await runBin(['--target', target, ...args], {}, target);
  return { code, report };
}
