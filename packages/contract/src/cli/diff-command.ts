/**
 * `customer-portal-contract diff BASE HEAD`: what changed between two versions of the contract, classified by
 * whom it breaks. Exit 1 on a breaking change unless --allow-breaking; 2 when it cannot read its input.
 */
import { parseArgs } from 'node:util';
import { compareContracts, isBreaking } from '../diff/contract-changes.js';
import { formatDiff, type DiffFormat, type DiffResult } from '../diff/format-diff.js';
import { readContract } from '../diff/read-contract.js';
import { readWorld, worldBreaks } from '../diff/world-breaks.js';
import { SetupError } from '../setup-error.js';

const DIFF_HELP = `Usage: customer-portal-contract diff <base> <head> [--format text|json|markdown] [--allow-breaking] [--world <file>]...

<base> and <head> are each a file (openapi.yaml, a copy of it) or a git revision of ./openapi.yaml (main,
v1.0.0, HEAD~1, or rev:path). Every change is listed once per operation and field, classified as breaking
clients, breaking servers or compatible, with the rule that classified it.

Options:
  --format <format>     text (default), json, or markdown (for a pull request or a changelog entry)
  --allow-breaking      exit 0 even when a change breaks clients or servers
  --world <file>        a world file ({ "format": 1, "world": {...} }), a fixtures folder or one of its files;
                        names the records the new contract refuses (repeatable)

Exit codes: 0 no breaking change (or --allow-breaking), 1 a breaking change, 2 an input it cannot read.`;

const FORMATS = ['text', 'json', 'markdown'] as const;

/** Runs the diff command; resolves to its exit code. */
export async function runDiffCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'allow-breaking': { type: 'boolean', default: false },
        world: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    const option = /'(-[^']*)'/.exec((error as Error).message)?.[1];
    throw new SetupError(`${option ? `Unknown or incomplete option ${option}` : (error as Error).message}: customer-portal-contract diff --help lists the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(DIFF_HELP);
    return 0;
  }
  if (!(FORMATS as readonly string[]).includes(values.format)) throw new SetupError(`Unknown format "${values.format}"; use one of ${FORMATS.join(', ')}.`);
  if (positionals.length !== 2) throw new SetupError(`diff compares two versions of the contract: customer-portal-contract diff <base> <head> (given ${positionals.length}).`);
  const [base, head] = positionals.map((name) => readContract(name)) as [ReturnType<typeof readContract>, ReturnType<typeof readContract>];
  const changes = compareContracts(base.document, head.document);
  const result: DiffResult = {
    base: { name: base.name, version: base.document.info?.version },
    head: { name: head.name, version: head.document.info?.version },
    breaking: isBreaking(changes),
    changes,
    worldBreaks: values.world.flatMap((file) => worldBreaks(file, readWorld(file), base.document, head.document)),
  };
  console.log(formatDiff(result, values.format as DiffFormat));
  return result.breaking && !values['allow-breaking'] ? 1 : 0;
}
