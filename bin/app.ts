#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { addTiewatchStack } from '../lib/tiewatch-app';

const app = new App();
// The CLI fills these in when credentials are at hand (`cdk deploy`); without them the stack stays
// environment-agnostic, so `cdk synth` works offline with no AWS account at all.
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;
addTiewatchStack(app, account && region ? { env: { account, region } } : {});
