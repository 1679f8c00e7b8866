import { Duration, RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ORIGIN_HEADER } from '#lib/edgeOrigin.ts';
import type { StageConfig } from '../config.ts';
import { acknowledge } from '../nag.ts';
import { KindlingFunction } from './kindling-function.ts';
import { REQUIRE_CREDENTIALS_CODE } from './require-credentials.ts';

/** The secret CloudFront sends to the API; by name, so the console stack can send it too without an export. */
export const originSecretName = (config: Pick<StageConfig, 'prefix'>): string => `${config.prefix}/edge-origin-secret`;

export interface ApiEdgeProps {
  config: StageConfig;
  /** The HTTP API's default endpoint, or its custom domain when the stage has one. */
  originDomain: string;
}

/**
 * The API's front door (ADR 0043): a CloudFront distribution with the stage's WAF web ACL, a
 * CloudFront Function that answers anonymous calls with 401 at the edge, and a secret header on
 * every forwarded request that the HTTP API's authorizer requires, so the execute-api address
 * cannot be used to go around the WAF.
 */
export class ApiEdge extends Construct {
  readonly distribution: Distribution;
  readonly originSecret: Secret;
  readonly requireCredentials: EdgeFunction;
  readonly authorizer: HttpLambdaAuthorizer;
  readonly authorizerFunction: KindlingFunction;

  constructor(scope: Construct, id: string, props: ApiEdgeProps) {
    super(scope, id);
    const { config } = props;

    this.originSecret = new Secret(this, 'OriginSecret', {
      secretName: originSecretName(config),
      description: 'The header value CloudFront sends to the API; the API admits no request without it',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledge(
      this.originSecret,
      'AwsSolutions-SMG4',
      'A shared value between CloudFront and the API authorizer: rotating it means updating the distribution in the same deploy (docs/runbooks/key-rotation.md), which a rotation Lambda cannot do.',
    );

    this.requireCredentials = new EdgeFunction(this, 'RequireCredentials', {
      functionName: `${config.prefix}-require-credentials`,
      comment: 'Answers 401 at the edge to calls with neither a bearer token nor an API key',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(REQUIRE_CREDENTIALS_CODE),
    });

    this.authorizerFunction = new KindlingFunction(this, 'Authorizer', {
      config,
      name: 'edge-authorizer',
      entry: 'functions/handlers/edgeAuthorizer.ts',
      description: 'HTTP API authorizer: admits only requests that came through the CloudFront edge',
      timeout: Duration.seconds(3),
      memorySize: 256,
    }).withSecret('KINDLING_ORIGIN_SECRET_ARN', this.originSecret);
    this.authorizer = new HttpLambdaAuthorizer('EdgeOrigin', this.authorizerFunction, {
      authorizerName: `${config.prefix}-edge-origin`,
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      // Absent header: API Gateway answers 401 without invoking anything. Present: one call per value per 5 minutes.
      identitySource: [`$request.header.${ORIGIN_HEADER}`],
      resultsCacheTtl: Duration.minutes(5),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Kindling ${config.stage} API`,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      ...(config.edge.webAclArn ? { webAclId: config.edge.webAclArn } : {}),
      defaultBehavior: apiBehavior(config, props.originDomain, this.requireCredentials),
    });
    acknowledge(this.distribution, 'AwsSolutions-CFR1', 'Partners and organisations call from any country; there is no country to block.');
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR3',
      "No CloudFront access logs: the HTTP API's access log records every call that passes the edge, and WAF's sampled requests and metrics the ones it blocks.",
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      'The default *.cloudfront.net certificate, whose minimum protocol CloudFront fixes; a custom domain with its ACM certificate is the follow-up (ADR 0043).',
    );
    if (!config.edge.webAclArn) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR2',
        'No web ACL until the edge stack (us-east-1) has been deployed and its ARN passed as --context edgeWebAclArn; the deploy workflow refuses prod without it (ADR 0043).',
      );
    }
  }
}

/**
 * How a distribution forwards `/graphql`: never cached, the caller's headers (Authorization,
 * X-Api-Key) passed on, the origin secret added, anonymous calls stopped at the edge. The console's
 * distribution uses the same behaviour for its own `/graphql`.
 */
export function apiBehavior(config: StageConfig, originDomain: string, requireCredentials: EdgeFunction | null): BehaviorOptions {
  return {
    origin: new HttpOrigin(originDomain, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      customHeaders: { [ORIGIN_HEADER]: SecretValue.secretsManager(originSecretName(config)).unsafeUnwrap() },
    }),
    viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
    allowedMethods: AllowedMethods.ALLOW_ALL,
    cachePolicy: CachePolicy.CACHING_DISABLED,
    originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    // Null for the public action-link path (ADR 0059), whose only credential is the token in the body.
    functionAssociations: requireCredentials ? [{ function: requireCredentials, eventType: FunctionEventType.VIEWER_REQUEST }] : [],
  };
}
