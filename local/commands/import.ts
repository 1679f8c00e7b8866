import { CLIENT_OPTIONS, parseFlags, UsageError } from '../args.ts';
import { parseIdentityFlags } from '../importPreview.ts';
import { importCommand, targetFor } from '../operator.ts';

export async function run(args: string[]): Promise<void> {
  const { values } = parseFlags(args, {
    ...CLIENT_OPTIONS,
    tenant: { type: 'string' },
    program: { type: 'string' },
    file: { type: 'string' },
    role: { type: 'string' },
    identity: { type: 'string', multiple: true },
    'identity-all': { type: 'string' },
    'dry-run': { type: 'boolean' },
  });
  if (!values.tenant || !values.program || !values.file) throw new UsageError('--tenant, --program and --file are needed.');
  const identity = parseIdentityFlags(values.identity, values['identity-all']);
  const target = await targetFor(values, 'manager', values.tenant);
  await importCommand(target, {
    program: values.program,
    file: values.file,
    role: values.role,
    identity,
    dryRun: values['dry-run'] ?? false,
  });
}
