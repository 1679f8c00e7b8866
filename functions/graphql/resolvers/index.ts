import type { Resolvers } from '#generated/resolvers.ts';
import { DateScalar, DateTimeScalar, JSONScalar } from '../scalars.ts';
import { auditResolvers } from './audit.ts';
import { circleResolvers } from './circles.ts';
import { engagementResolvers } from './engagement.ts';
import { importResolvers } from './imports.ts';
import { insightsResolvers } from './insights.ts';
import { matchingResolvers } from './matching.ts';
import { mentorshipResolvers } from './mentorships.ts';
import { nodeResolvers } from './node.ts';
import { operationsResolvers } from './operations.ts';
import { partnerResolvers } from './partners.ts';
import { profileResolvers } from './profiles.ts';
import { programResolvers } from './programs.ts';
import { tenancyResolvers } from './tenancy.ts';

const modules: Resolvers[] = [
  matchingResolvers,
  auditResolvers,
  importResolvers,
  tenancyResolvers,
  programResolvers,
  profileResolvers,
  mentorshipResolvers,
  circleResolvers,
  nodeResolvers,
  partnerResolvers,
  engagementResolvers,
  operationsResolvers,
  insightsResolvers,
];

/** Merges the per-module resolver maps type by type; a field defined twice is a programming error. */
function merge(parts: Resolvers[]): Resolvers {
  const out: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part)) {
      const target = out[type] ?? {};
      out[type] = target;
      for (const [field, fn] of Object.entries(fields as Record<string, unknown>)) {
        if (field in target) throw new Error(`Resolver ${type}.${field} is defined twice`);
        target[field] = fn;
      }
    }
  }
  return out as Resolvers;
}

export const resolvers = { ...merge(modules), Date: DateScalar, DateTime: DateTimeScalar, JSON: JSONScalar } as Resolvers;
