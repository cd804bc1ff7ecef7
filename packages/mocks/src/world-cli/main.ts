#!/usr/bin/env node
/// <reference types="node" />
/**
 * `customer-portal-world`: worlds from anywhere. Generates one from a seed, records one from a running
 * backend or a HAR file, and checks one against the contract and the rules between records.
 */
import { check } from './check.js';
import { fromHar } from './from-har.js';
import { generate } from './generate.js';
import { record } from './record.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage: customer-portal-world <command>

  generate --seed N --customers N [--orders-per-customer MIN..MAX] --out FILE
      a world from a seed: the same options give the same file, byte for byte
  record --base-url URL --email E --password P [--email E2 --password P2 …] --out FILE [--keep-passwords] [--pace MS]
      a world from a running backend: signs in as each account and reads everything its read operations show,
      one request at a time (MS apart, 25 by default), honouring a 429's Retry-After; development passwords
      unless --keep-passwords
  from-har FILE.har --out FILE [--keep-passwords]
      the same from a HAR file saved in a browser's developer tools; accounts are told apart by their
      profile answers, and what the HAR did not show is listed
  check FILE
      the world against the contract and the rules between records; exit 1 on any breach

A world file serves the mocks (setupPortalServer({ world: await loadWorld(FILE) })) and the reference server
(customer-portal-server --world FILE).`;

const COMMANDS: Record<string, (args: string[], print: (line: string) => void) => Promise<number | void>> = { generate, check, record, 'from-har': fromHar };

const [command, ...args] = process.argv.slice(2);
const print = (line: string) => console.log(line);
try {
  if (!command || command === 'help' || command === '--help' || command === '-h') console.log(USAGE);
  else if (!COMMANDS[command]) throw new UsageError(`Unknown command "${command}".`);
  else process.exitCode = (await COMMANDS[command](args, print)) ?? 0;
} catch (error) {
  // Whatever went wrong, one sentence; a usage mistake also shows the usage.
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(message);
    process.exitCode = 1;
  }
}
