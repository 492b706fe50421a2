/**
 * The editors' desk on AWS: the static files of `console/` in a private, encrypted S3
 * bucket, served over HTTPS by CloudFront through origin access control, with the same
 * security headers the local server sends. A `config.json` written at deploy time names
 * the API, so the desk talks only to the public API, as it does locally.
 */
import { Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import {
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { consoleContentSecurityPolicy } from '../../functions/api/console-policy.js';

const CONSOLE_DIR = fileURLToPath(new URL('../../console/', import.meta.url));

export class DeskSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** https://<distribution domain>: the origin the API must allow by CORS. */
  readonly origin: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // The files come from the repository on every deploy: nothing here needs keeping.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Holds only the static files of the desk, deployed from the repository and read by CloudFront alone; every API call the desk makes is in the API access log.',
    });

    // connect-src names API Gateway endpoints of this region rather than the API itself: the API's CORS
    // setting names this distribution, and naming each other would be a dependency cycle.
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'newsalert desk: CSP, HSTS, no framing, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: consoleContentSecurityPolicy(`https://*.execute-api.${Stack.of(this).region}.amazonaws.com`), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'newsalert editors desk',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
    });
    const acknowledged: Array<[string, string]> = [
      ['AwsSolutions-CFR1', 'Editors work from anywhere; the desk is useless without an editor key, which the API checks on every call.'],
      ['AwsSolutions-CFR2', 'Static files only: there is nothing for a WAF to protect here; the API has its own throttling and key checks.'],
      ['AwsSolutions-CFR3', 'Static files only; every API call the desk makes is in the API access log.'],
      ['AwsSolutions-CFR4', 'The default cloudfront.net certificate; a stage with its own domain and certificate sets TLS 1.2 as the minimum.'],
    ];
    for (const [rule, reason] of acknowledged) Validations.of(this.distribution).acknowledge({ id: rule, reason });
    this.origin = `https://${this.distribution.distributionDomainName}`;
  }

  /** Uploads the desk with a config.json naming the API, and refreshes CloudFront's copies. */
  deploy(apiUrl: string): BucketDeployment {
    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(CONSOLE_DIR, { exclude: ['tsconfig.json'] }), Source.jsonData('config.json', { apiUrl })],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 256,
    });
    // CDK runs the copy in its own singleton function at stack level; it runs only while deploying.
    const stack = Stack.of(this);
    // How cdk-nag names the bootstrap asset bucket: literal account and region where the stack has them.
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    for (const provider of stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'))) {
      const acknowledged: Array<[string, string]> = [
        ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', "CDK's deployment function writes its own logs with the basic execution policy, and runs only during deploys."],
        ['AwsSolutions-L1', "CDK's deployment function: its runtime is the one aws-cdk-lib ships it with, and it runs only during deploys."],
        ['AwsSolutions-IAM5[Resource::*]', 'CloudFront invalidations take no resource narrower than "*".'],
        [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${region}/*]`, "This deploy's asset, in CDK's bootstrap asset bucket."],
        ['AwsSolutions-IAM5[Action::s3:GetObject*]', "Reads this deploy's asset from CDK's asset bucket (CDK's own grant)."],
        ['AwsSolutions-IAM5[Action::s3:GetBucket*]', "Reads this deploy's asset from CDK's asset bucket (CDK's own grant)."],
        ['AwsSolutions-IAM5[Action::s3:List*]', 'Lists the asset and desk buckets to sync them (CDK’s own grant).'],
        ['AwsSolutions-IAM5[Action::s3:DeleteObject*]', 'Removes files the new desk no longer has, in the desk bucket only.'],
        ['AwsSolutions-IAM5[Action::s3:Abort*]', 'Aborts its own failed uploads to the desk bucket.'],
        [`AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as never)}.Arn>/*]`, 'Every file of the desk bucket, which holds nothing else.'],
      ];
      for (const [id, reason] of acknowledged) Validations.of(provider).acknowledge({ id, reason });
    }
    return deployment;
  }
}
