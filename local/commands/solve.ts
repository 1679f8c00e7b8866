import { parseFlags, UsageError } from '../args.ts';

export async function run(args: string[]): Promise<void> {
  const { values } = parseFlags(args, {
    in: { type: 'string' },
    out: { type: 'string' },
    objective: { type: 'string', default: 'weight' },
  });
  if (!values.in || !values.out) throw new UsageError('--in and --out are needed.');
  if (values.objective !== 'weight' && values.objective !== 'coverage') throw new UsageError('--objective must be weight or coverage.');
  const { solveCommand } = await import('../solve.ts');
  await solveCommand({ in: values.in, out: values.out, objective: values.objective });
}
