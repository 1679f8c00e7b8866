import type { Role } from '#domain/kernel/actors.ts';
import { parseGlobalId } from '#graphql/ids.ts';
import { CLIENT_OPTIONS, localClient, parseFlags, UsageError } from '../args.ts';
import { LocalIssuer } from '../issuer.ts';

/**
 * The person a participant token acts for: the global id the API and console show (`Person:<id>`,
 * base64url) or the raw id. Any other type's global id is refused by name.
 */
export function personId(given: string): string {
  const parsed = parseGlobalId(given);
  if (parsed?.type === 'Person') return parsed.id;
  if (parsed && /^[A-Z][A-Za-z]+$/.test(parsed.type) && parsed.type !== 'Person')
    throw new UsageError(`--person ${given} is a ${parsed.type} id, not a person's.`);
  return given;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseFlags(args, {
    ...CLIENT_OPTIONS,
    tenant: { type: 'string' },
    role: { type: 'string', default: 'manager' },
    name: { type: 'string' },
    person: { type: 'string' },
  });
  const role = values.role as Role;
  if (!['operator', 'manager', 'participant'].includes(role)) throw new UsageError('--role must be operator, manager or participant.');
  if (role !== 'operator' && !values.tenant)
    throw new UsageError('--tenant <slug> is needed for managers and participants (the demo tenant is "demo").');
  if (role === 'participant' && !values.person) throw new UsageError('--person <id> is needed for a participant token.');
  // The running Kindling's issuer (a throwaway run has its own), else the data folder's.
  const issuer = await LocalIssuer.open(localClient(values).issuerDir);
  const name = values.name ?? `Local ${role}`;
  const { token } = await issuer.token({
    tenant: values.tenant ?? null,
    role,
    subject: `local:${role}:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    name,
    person: values.person ? personId(values.person) : null,
  });
  console.log(token);
}
