/**
 * Stands in for `@apollo/usage-reporting-protobuf` in the Lambda bundles (cdk/constructs/
 * kindling-function.ts aliases it here). That package serves only Apollo Studio's usage reporting
 * and federated inline traces, both switched off by plugins in graphql/server.ts, so Apollo never
 * loads the modules that would use it; this saves about 200 KB of the GraphQL bundle. Should
 * anything reach it anyway, it fails loudly instead of reporting quietly wrong.
 */
const off = (name: string) =>
  class {
    constructor() {
      throw new Error(`Apollo usage reporting is off in Kindling's bundles (${name} is not available).`);
    }
  };

export const Trace = off('Trace');
export const Report = off('Report');
export const ReportHeader = off('ReportHeader');
export const google = {};
