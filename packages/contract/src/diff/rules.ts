/**
 * The rules that classify a change of the contract, by whom it breaks: clients (the SDK, a frontend: what they
 * send may now be refused, what they read may be missing) or servers (a backend that implements the contract:
 * what it answers may now breach it, what it is sent may be new to it). A change that breaks neither is
 * compatible. The names are what `diff` prints and what a reviewer quotes.
 */
export type Breaks = 'clients' | 'servers';

export const RULES = {
  'operation-removed': { breaks: ['clients'], says: 'the operation is gone' },
  'operation-added': { breaks: ['servers'], says: 'a new operation to implement' },
  'status-removed': { breaks: ['servers'], says: 'a documented status is gone: a server that still answers it breaches' },
  'success-status-removed': { breaks: ['clients', 'servers'], says: 'a success status is gone' },
  'status-added': { breaks: [], says: 'a new error status, answered as a problem' },
  'success-status-added': { breaks: ['clients'], says: 'a new success status clients do not expect' },
  'request-body-made-required': { breaks: ['clients'], says: 'the request body is now required' },
  'request-body-made-optional': { breaks: ['servers'], says: 'servers must accept a request without a body' },
  'request-body-removed': { breaks: ['clients'], says: 'the request body is gone' },
  'request-media-type-removed': { breaks: ['clients'], says: 'a request media type is gone' },
  'response-media-type-removed': { breaks: ['clients', 'servers'], says: 'a response media type is gone' },
  'parameter-removed': { breaks: ['clients'], says: 'a parameter is gone' },
  'parameter-added': { breaks: ['servers'], says: 'a new optional parameter to honour' },
  'required-parameter-added': { breaks: ['clients', 'servers'], says: 'a new required parameter' },
  'parameter-made-required': { breaks: ['clients'], says: 'a parameter is now required' },
  'parameter-made-optional': { breaks: ['servers'], says: 'a parameter may now be left out' },
  'request-field-removed': { breaks: ['clients'], says: 'a request field is gone (request bodies reject unknown fields)' },
  'request-field-added': { breaks: ['servers'], says: 'a new optional request field to accept' },
  'required-request-field-added': { breaks: ['clients', 'servers'], says: 'a new required request field' },
  'request-field-made-required': { breaks: ['clients'], says: 'a request field is now required' },
  'request-field-made-optional': { breaks: ['servers'], says: 'a request field may now be left out' },
  'request-enum-narrowed': { breaks: ['clients'], says: 'a value clients could send is refused' },
  'request-enum-widened': { breaks: ['servers'], says: 'a new value servers must accept' },
  'request-type-changed': { breaks: ['clients', 'servers'], says: 'the type of a request value changed' },
  'request-type-narrowed': { breaks: ['clients'], says: 'a type clients could send is refused' },
  'request-type-widened': { breaks: ['servers'], says: 'servers must accept another type' },
  'request-constraint-tightened': { breaks: ['clients'], says: 'a request value is held to a stricter limit' },
  'request-constraint-loosened': { breaks: ['servers'], says: 'servers must accept a wider request value' },
  'response-field-removed': { breaks: ['clients'], says: 'a response field clients may read is gone' },
  'strict-response-field-removed': {
    breaks: ['clients', 'servers'],
    says: 'a response field is gone, and its object accepts no other fields: a server that still sends it breaches',
  },
  'response-field-added': { breaks: [], says: 'a new optional response field' },
  'required-response-field-added': { breaks: ['servers'], says: 'a new response field servers must send' },
  'response-field-made-required': { breaks: ['servers'], says: 'a response field servers must now always send' },
  'response-field-made-optional': { breaks: ['clients'], says: 'a response field clients read may now be missing' },
  'response-enum-widened': { breaks: ['clients'], says: 'a response value clients do not know' },
  'response-enum-narrowed': { breaks: ['servers'], says: 'a value servers answer is no longer allowed' },
  'response-type-changed': { breaks: ['clients', 'servers'], says: 'the type of a response value changed' },
  'response-type-widened': { breaks: ['clients'], says: 'a response value may be of a type clients do not expect (null, say)' },
  'response-type-narrowed': { breaks: ['servers'], says: 'a type servers answer is no longer allowed' },
  'response-constraint-tightened': { breaks: ['servers'], says: 'a response value is held to a stricter limit' },
  'response-constraint-loosened': { breaks: ['clients'], says: 'a response value may now be outside what clients expected' },
  'response-header-removed': { breaks: ['clients'], says: 'a response header is gone' },
  'response-header-added': { breaks: ['servers'], says: 'a new required response header' },
} as const satisfies Record<string, { breaks: readonly Breaks[]; says: string }>;

export type RuleName = keyof typeof RULES;

export type Classification = 'breaking-clients' | 'breaking-servers' | 'breaking-clients-and-servers' | 'compatible';

/** The classification of a rule, from whom it breaks. */
export function classificationOf(rule: RuleName): Classification {
  const breaks: readonly Breaks[] = RULES[rule].breaks;
  if (breaks.includes('clients') && breaks.includes('servers')) return 'breaking-clients-and-servers';
  if (breaks.includes('clients')) return 'breaking-clients';
  if (breaks.includes('servers')) return 'breaking-servers';
  return 'compatible';
}
