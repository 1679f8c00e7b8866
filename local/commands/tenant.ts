import { CLIENT_OPTIONS, parseFlags, UsageError } from '../args.ts';
import { createTenantCommand, targetFor } from '../operator.ts';

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseFlags(args, {
    ...CLIENT_OPTIONS,
    slug: { type: 'string' },
    name: { type: 'string' },
    'time-zone': { type: 'string' },
    locale: { type: 'string' },
  });
  if (positionals[0] !== 'create')
    throw new UsageError(positionals[0] ? `Unknown: tenant ${positionals[0]}.` : 'Say what to do: tenant create.');
  if (!values.slug || !values.name) throw new UsageError('--slug and --name are needed.');
  const target = await targetFor(values, 'operator', null);
  await createTenantCommand(target, { slug: values.slug, name: values.name, timeZone: values['time-zone'], locale: values.locale });
}
