#!/usr/bin/env node
/**
 * customer-portal-contract: the contract suite against a target, or `diff` between two contracts.
 *
 *   customer-portal-contract --target url --base-url https://api.example.com --reporter junit --output contract.xml
 *   customer-portal-contract diff baseline.yaml openapi.yaml --format markdown
 */
// Colour is settled before vitest loads: its colour library decides once, when it is imported.
import { settleColour } from '../dist/report/colours.js';

settleColour();
const { main } = await import('../dist/cli/main.js');
process.exit(await main(process.argv.slice(2)));
