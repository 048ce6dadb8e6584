import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import * as z from 'zod';
import { addTiewatchStack } from '../../lib/tiewatch-app';
import type { TiewatchFunction } from '../../lib/tiewatch-function';
import { REPO_ROOT } from '../../lib/tiewatch-function';
import type { TiewatchStack } from '../../lib/tiewatch-stack';

/** The context `cdk synth` runs with: settings and feature flags from cdk.json. */
export const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(
  readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8'),
).context;

export interface SynthesisedTiewatch {
  app: App;
  stack: TiewatchStack;
  template: Template;
  /** The cloud assembly directory (bundled assets live here). */
  outdir: string;
  /** Removes the cloud assembly. */
  dispose: () => void;
}

/**
 * Builds the app exactly as bin/app.ts does (cdk.json context, the config/feeds.json list, cdk-nag) and
 * synthesises it once. `bundle: false` skips esbuild the way `cdk deploy <other stack>` does; only the
 * file that checks the bundles pays for bundling.
 */
export function synthTiewatch(options: {
  bundle: boolean;
  context?: Record<string, unknown>;
}): SynthesisedTiewatch {
  const outdir = mkdtempSync(join(tmpdir(), 'tiewatch-cdk-'));
  const app = new App({
    outdir,
    context: {
      ...CDK_JSON_CONTEXT,
      ...options.context,
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
  });
  const stack = addTiewatchStack(app);
  const template = Template.fromStack(stack);
  return { app, stack, template, outdir, dispose: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** The directory of a function's bundled asset in the cloud assembly: the files `cdk deploy` zips and uploads. */
export function assetDirOf(synthesised: SynthesisedTiewatch, fn: TiewatchFunction): string {
  const id = logicalIdOf(fn.function);
  const code = z
    .object({ Properties: z.object({ Code: z.object({ S3Key: z.string().regex(/\.zip$/) }) }) })
    .parse(synthesised.template.findResources('AWS::Lambda::Function')[id]);
  return join(synthesised.outdir, `asset.${code.Properties.Code.S3Key.replace(/\.zip$/, '')}`);
}

/** One IAM policy statement, with its action and resource lists normalised to arrays. */
export interface Statement {
  Effect: string;
  Action: string[];
  Resource: unknown[];
}

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]));

const policySchema = z.object({
  Properties: z.object({
    Roles: oneOrMany(z.unknown()),
    PolicyDocument: z.object({
      Statement: oneOrMany(
        z.object({ Effect: z.string(), Action: oneOrMany(z.string()), Resource: oneOrMany(z.unknown()) }),
      ),
    }),
  }),
});

const functionSchema = z.object({
  Properties: z.object({ Role: z.object({ 'Fn::GetAtt': z.tuple([z.string(), z.literal('Arn')]) }) }),
});

/** Logical id of the CloudFormation resource behind an L2 construct. */
export function logicalIdOf(construct: IConstruct): string {
  const resource = construct.node.defaultChild;
  if (!(resource instanceof CfnElement))
    throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return Stack.of(construct).getLogicalId(resource);
}

/** Every statement of every policy attached to a role, captured from the template. */
export function statementsOfRole(template: Template, roleId: string): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .map((raw) => policySchema.parse(raw).Properties)
    .filter((policy) => policy.Roles.some((role) => JSON.stringify(role) === JSON.stringify({ Ref: roleId })))
    .flatMap((policy) => policy.PolicyDocument.Statement);
}

/** The statements of a function's execution role. */
export function statementsOfFunction(template: Template, functionId: string): Statement[] {
  const fn = functionSchema.parse(template.findResources('AWS::Lambda::Function')[functionId]);
  return statementsOfRole(template, fn.Properties.Role['Fn::GetAtt'][0]);
}

/** The actions a set of statements allows. */
export function actionsOf(statements: Statement[]): string[] {
  return [...new Set(statements.filter((s) => s.Effect === 'Allow').flatMap((s) => s.Action))].sort();
}
