import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Accepts one finding of cdk-nag's AwsSolutions pack on a construct and everything under it.
 * The reason is what a reviewer reads: say why the rule does not fit here, not that it was seen.
 * `rule` is the id cdk-nag prints, with the finding in brackets where it has one
 * (`AwsSolutions-IAM5[Resource::*]`): each finding is accepted on its own.
 */
export function acknowledge(scope: IConstruct, rule: `AwsSolutions-${string}` | `Serverless-${string}`, reason: string): void {
  Validations.of(scope).acknowledge({ id: rule, reason });
}
