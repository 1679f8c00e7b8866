import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The source that ships or runs Kindling (tests may plant raw items to attack it). */
const sources = (): string[] =>
  execFileSync('git', ['ls-files', 'functions', 'local', 'cdk', 'bench', 'scripts'], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|tsx|js|mjs)$/.test(f) && !f.includes('/generated/'));

/** Code without its comments, line by line (a comment may show a key's shape). */
const codeLines = (file: string): { line: number; text: string }[] =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((text, i) => ({ line: i + 1, text: text.replace(/(^|[^:'"`])\/\/.*$/, '$1') }));

/** A string that builds a key: a prefix such as 'CHUNK#' or `T#${…}`, or parts joined by '#' such as `${role}#${sortKey}`. */
const KEY_LITERAL = /['"`][A-Z][A-Z_]*#|\}#\$\{/;

/** A resolver calling a store port (`ctx.ports.matching.getRun(`), or deciding access itself (ADR 0050). */
const PORT_CALL = /\bctx\.(ports|services)\.\w+\.\w+\(/;
const ROLE_CHECK =
  /\b(requireRole|reachesProgram|requireEngagementReader|requireWebhookAccess|authorize)\(|\.role\s*[!=]==|ctx\.scope\([^)]*,/;
/** What a resolver module may import: a context's face, the generated types, the shared lib and GraphQL's own helpers. */
const RESOLVER_IMPORT = /^(#domain\/[a-z]+\/index\.ts|#generated\/.+|#lib\/.+|\.\.?\/.+)$/;
const resolverModules = (): string[] => sources().filter((f) => f.startsWith('functions/graphql/resolvers/'));
const importsOf = (line: string): string[] => [...line.matchAll(/\bfrom '([^']+)'|import\('([^']+)'\)/g)].map((m) => m[1] ?? m[2] ?? '');

describe('the architecture', () => {
  it('builds every key, prefix and index sort key in store/keys.ts only', () => {
    // Prepare: the domain is left out, as it names no keys (Biome keeps the store out of it) and
    // its own '#'-joined values, such as an idempotency target, are no keys.
    const files = sources().filter((f) => f !== 'functions/store/keys.ts' && !f.startsWith('functions/domain/'));

    // Act
    const found = files.flatMap((f) =>
      codeLines(f)
        .filter((l) => KEY_LITERAL.test(l.text))
        .map((l) => `${f}:${l.line}: ${l.text.trim()}`),
    );

    // Assert
    expect(found).toEqual([]);
  });

  it('imports the DynamoDB SDK in functions/store/ only', () => {
    // Prepare
    const files = sources().filter((f) => !f.startsWith('functions/store/'));

    // Act
    const found = files.flatMap((f) =>
      codeLines(f)
        .filter((l) =>
          /from '@aws-sdk\/(client-dynamodb|lib-dynamodb|util-dynamodb)'|import\('@aws-sdk\/(client-dynamodb|lib-dynamodb)'\)/.test(l.text),
        )
        .map((l) => `${f}:${l.line}`),
    );

    // Assert
    expect(found).toEqual([]);
  });

  it("lets resolvers call the domain only: no store port, no role check, imports through the contexts' faces", () => {
    // Prepare
    const files = resolverModules();

    // Act
    const found = files.flatMap((f) =>
      codeLines(f)
        .filter((l) => PORT_CALL.test(l.text) || ROLE_CHECK.test(l.text) || importsOf(l.text).some((i) => !RESOLVER_IMPORT.test(i)))
        .map((l) => `${f}:${l.line}: ${l.text.trim()}`),
    );

    // Assert
    expect(files.length).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });

  it('finds a port call, a role check and a forbidden import in a resolver where they are planted', () => {
    // Prepare
    const planted = [
      'const run = await ctx.ports.matching.getRun(scope.tenantId, id);',
      'return ctx.services.programs.listPrograms(tenant.id, req);',
      "requireRole(ctx.actor, 'read imports', 'manager');",
      'items.filter((p) => reachesProgram(ctx.actor, p.id));',
      "return ctx.actor.role === 'participant' ? mine : all;",
      "const scope = ctx.scope('manage webhooks', 'manager');",
    ];
    const imports = ["import { programStore } from '#store/programs.ts';", "import { getProgram } from '#domain/programs/programs.ts';"];

    // Act
    const caught = planted.filter((text) => PORT_CALL.test(text) || ROLE_CHECK.test(text));
    const refused = imports.filter((text) => importsOf(text).some((i) => !RESOLVER_IMPORT.test(i)));

    // Assert
    expect(caught).toEqual(planted);
    expect(refused).toEqual(imports);
  });

  it('finds a key literal and an SDK import where they are planted', () => {
    // Prepare
    const planted = ["const sk = 'CHUNK#';", `const from = \`EXPIRED#\${since}\`;`, `const gsi1 = \`\${e.role}#\${sortKey}#\${id}\`;`];

    // Act
    const caught = planted.filter((text) => KEY_LITERAL.test(text));

    // Assert
    expect(caught).toEqual(planted);
  });
});
