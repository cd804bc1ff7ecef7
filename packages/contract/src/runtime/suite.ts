/** What a journey in suite/ uses: the target, its capabilities, and clients whose every response is checked. */
export { has, needs } from './cases.js';
export { client, customer, send } from './clients.js';
export { session } from './session.js';
