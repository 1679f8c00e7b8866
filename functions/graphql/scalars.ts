import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function scalar(name: string, description: string, valid: (s: string) => boolean, normalise: (s: string) => string) {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string' || !valid(value)) {
      throw new GraphQLError(`${name} must be ${description}`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return normalise(value);
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => value,
    parseValue: parse,
    parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

export const DateScalar = scalar(
  'Date',
  'a calendar date as YYYY-MM-DD',
  (s) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  (s) => s,
);

export const DateTimeScalar = scalar(
  'DateTime',
  'an ISO 8601 date and time with a zone, e.g. 2026-11-26T09:30:00Z',
  (s) => ISO_DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)),
  (s) => new Date(s).toISOString(),
);

/** Audit values as they were stored: read-only output, so input is taken as given. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'A JSON value',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast) => valueFromASTUntyped(ast),
});
