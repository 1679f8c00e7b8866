import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  CachePolicy,
  Distribution,
  type Function as EdgeFunction,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  ClientAttributes,
  type IUserPool,
  OAuthScope,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { consoleAudienceParameter, consolePublicUrlParameter, type StageConfig } from '../config.ts';
import { apiBehavior } from '../constructs/api-edge.ts';
import { REPO_ROOT } from '../constructs/kindling-function.ts';
import { acknowledge } from '../nag.ts';

/** The wildcards in the grants aws-cdk-lib gives its BucketDeployment helper (none are ours to narrow). */
const HELPER_WILDCARDS = [
  'Action::s3:GetObject*',
  'Action::s3:GetBucket*',
  'Action::s3:List*',
  'Action::s3:DeleteObject*',
  'Action::s3:Abort*',
  'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
  'Resource::<Assets9A31D427.Arn>/*',
  'Resource::*',
];

/** Where `npm run build:admin` puts the console. */
export const CONSOLE_DIST = join(REPO_ROOT, 'admin', 'dist');

export interface ConsoleStackProps extends StackProps {
  config: StageConfig;
  /**
   * Where `/graphql` is proxied: the API's origin (its execute-api address or custom domain), with
   * the API edge's CloudFront Function; the origin secret is read by name (constructs/api-edge.ts).
   */
  apiOrigin: { domainName: string; requireCredentials: EdgeFunction };
  userPool: IUserPool;
  /** The built console; tests pass a small folder of their own. @default admin/dist */
  assets?: string;
}

/**
 * What the console may load and talk to. Scripts only from this origin; MUI (Emotion) injects its
 * styles at run time, hence `'unsafe-inline'` for styles only. The API is this origin (`/graphql`,
 * proxied), and Cognito's endpoint is there for the sign-in the console will make against it.
 */
export function consoleCsp(region: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    // The hosted UI's token endpoint (the sign-in itself is a navigation to its pages).
    `connect-src 'self' https://*.auth.${region}.amazoncognito.com`,
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The console: its build on a private S3 bucket that only this CloudFront distribution may read
 * (origin access control), `/config.json` written at deploy with the stage's API and user pool, the
 * API itself under `/graphql` on the same origin (so no CORS), and security headers on every answer.
 */
export class ConsoleStack extends Stack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly headers: ResponseHeadersPolicy;
  readonly hostedUi: UserPoolDomain;
  readonly hostedUiClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    const { config } = props;
    const assets = props.assets ?? CONSOLE_DIST;
    if (!existsSync(join(assets, 'index.html'))) {
      throw new Error(`The console is not built: ${assets}/index.html is missing. Run \`npm run build:admin\` first.`);
    }

    // The build is reproducible from git: in dev it goes with the stack; in prod it is kept like the rest.
    const disposable = config.removalPolicy === RemovalPolicy.DESTROY;
    this.bucket = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: false,
      removalPolicy: config.removalPolicy,
      autoDeleteObjects: disposable,
    });
    acknowledge(
      this.bucket,
      'AwsSolutions-S1',
      "Holds only the console's public build output and config.json (no personal data); reads are logged by CloudFront's standard metrics, and S3 access logs would need a second bucket for nothing to audit.",
    );

    this.headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: `${config.prefix}-console-security`,
      comment: 'Kindling console: HSTS, CSP, no framing, no sniffing, strict referrer',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: consoleCsp(this.region), override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Kindling ${config.stage} console`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      ...(config.edge.webAclArn ? { webAclId: config.edge.webAclArn } : {}),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headers,
        compress: true,
      },
      additionalBehaviors: {
        // Fetched at every start: a deploy's new settings apply at once.
        '/config.json': {
          origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          responseHeadersPolicy: this.headers,
        },
        // The API on the console's origin, as the API's own distribution forwards it: nothing
        // cached, the Authorization header passed on, the origin secret added, anonymous calls
        // stopped here; this distribution carries the same web ACL.
        '/graphql': {
          ...apiBehavior(config, props.apiOrigin.domainName, props.apiOrigin.requireCredentials),
          responseHeadersPolicy: this.headers,
        },
        // E-mail action links' page calls this (ADR 0059): the same origin and WAF, but no
        // credentials to require at the edge; the token in the body is checked in the function.
        '/links': {
          ...apiBehavior(config, props.apiOrigin.domainName, null),
          responseHeadersPolicy: this.headers,
        },
      },
      // The console routes in the browser: a deep link loads index.html, which shows the page.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
    });
    acknowledge(this.distribution, 'AwsSolutions-CFR1', 'Organisations in any country run programmes; there is no country to block.');
    if (!config.edge.webAclArn) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR2',
        'No web ACL until the edge stack (us-east-1) has been deployed and its ARN passed as --context edgeWebAclArn; the deploy workflow refuses prod without it (ADR 0043).',
      );
    }
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR3',
      "No CloudFront access logs: standard logging needs an ACL-enabled bucket; the API's own access logs (API Gateway) record every API call, and the console's files are public build output.",
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      'The default *.cloudfront.net certificate, whose minimum protocol CloudFront fixes; a custom domain with its ACM certificate and TLSv1.2_2021 is the follow-up (docs/decisions/0019).',
    );

    // Sign-in through Cognito's hosted UI (authorization code with PKCE): its domain and an app
    // client whose callback is this distribution. Both live here, where the distribution's address is
    // known; the API learns the client id from the parameter below (no cycle between the stacks).
    this.hostedUi = new UserPoolDomain(this, 'HostedUi', {
      userPool: props.userPool,
      cognitoDomain: { domainPrefix: `${config.prefix}-${this.account}` },
    });
    const consoleUrl = `https://${this.distribution.distributionDomainName}/`;
    this.hostedUiClient = new UserPoolClient(this, 'HostedUiClient', {
      userPool: props.userPool,
      userPoolClientName: `${config.prefix}-console-hosted-ui`,
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [consoleUrl],
        logoutUrls: [consoleUrl],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('tenant'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
    new StringParameter(this, 'HostedUiClientId', {
      parameterName: consoleAudienceParameter(config),
      stringValue: this.hostedUiClient.userPoolClientId,
      description: "The console's hosted-UI app client: the GraphQL function accepts its ID tokens",
    });

    // Where e-mail action links point (ADR 0059, 0074): the functions that send e-mail read this when
    // they send, as they cannot take it by reference (this stack is deployed after the API stack).
    new StringParameter(this, 'PublicUrl', {
      parameterName: consolePublicUrlParameter(config),
      stringValue: `https://${this.distribution.distributionDomainName}`,
      description: "The console's public address: the base of the action links in Kindling's e-mails",
    });

    new BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources: [
        Source.asset(assets),
        Source.jsonData('config.json', {
          apiUrl: '/graphql',
          auth: {
            mode: 'cognito',
            region: this.region,
            userPoolId: props.userPool.userPoolId,
            clientId: this.hostedUiClient.userPoolClientId,
            domain: `https://${this.hostedUi.domainName}.auth.${this.region}.amazoncognito.com`,
          },
        }),
      ],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 256,
    });
    // CDK's own helper functions (the deployment's copier, the bucket's auto-delete in dev).
    for (const child of this.node.children) {
      if (!/^Custom::(CDKBucketDeployment|S3AutoDeleteObjects)/.test(child.node.id)) continue;
      acknowledge(
        child,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        "A CDK-provided deploy-time helper (BucketDeployment / auto-delete); its role and runtime are CDK's, it runs only during deployments.",
      );
      for (const finding of HELPER_WILDCARDS) {
        acknowledge(
          child,
          `AwsSolutions-IAM5[${finding}]`,
          "The BucketDeployment helper's grants, as aws-cdk-lib writes them: read the CDK asset bucket, write and prune this console bucket, invalidate the distribution (CloudFront has no resource-level permission for that).",
        );
      }
      for (const rule of ['Serverless-LambdaDLQ', 'Serverless-LambdaLatestVersion', 'Serverless-LambdaTracing'] as const) {
        acknowledge(
          child,
          rule,
          "A CDK-provided deploy-time helper (BucketDeployment / auto-delete), invoked synchronously by CloudFormation during deployments; its runtime and settings are aws-cdk-lib's.",
        );
      }
      acknowledge(
        child,
        'AwsSolutions-L1',
        'A CDK-provided deploy-time helper (BucketDeployment / auto-delete); its runtime is pinned by aws-cdk-lib and moves with it.',
      );
    }

    new CfnOutput(this, 'ConsoleUrl', { value: `https://${this.distribution.distributionDomainName}` });
    new CfnOutput(this, 'ConsoleBucket', { value: this.bucket.bucketName });
  }
}
