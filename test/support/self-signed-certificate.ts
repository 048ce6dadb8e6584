import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSignedCertificate {
  key: string;
  cert: string;
  /** The certificate's file, for NODE_EXTRA_CA_CERTS in a process that is to trust it. */
  certPath: string;
  remove(): void;
}

/**
 * A throwaway certificate for 127.0.0.1, made with openssl (.ci/run installs it when missing), valid for a
 * day. No trust store vouches for it: a client trusts it only when told to (NODE_EXTRA_CA_CERTS).
 */
export function makeLoopbackCertificate(): SelfSignedCertificate {
  const directory = mkdtempSync(join(tmpdir(), 'tiewatch-tls-'));
  const keyPath = join(directory, 'key.pem');
  const certPath = join(directory, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  return {
    key: readFileSync(keyPath, 'utf8'),
    cert: readFileSync(certPath, 'utf8'),
    certPath,
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}
