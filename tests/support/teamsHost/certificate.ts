import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const OPENSSL_PATH = process.env.OPENSSL_PATH ?? '/usr/bin/openssl';

export interface TestCertificate {
  /** The DNS names in subjectAltName. */
  readonly hostnames: readonly string[];
  readonly keyPem: string;
  readonly certPem: string;
  /** base64(sha256(SubjectPublicKeyInfo DER)), what `--ignore-certificate-errors-spki-list` takes. */
  readonly spkiSha256: string;
  /** The temporary directory holding key.pem and cert.pem. */
  readonly dir: string;
  dispose(): void;
}

/**
 * Makes a self-signed P-256 certificate for the given names in a temporary directory. Chromium
 * trusts it only through the SPKI flag, so nothing is installed on the machine.
 */
export function createTestCertificate(hostnames: readonly string[]): TestCertificate {
  const [commonName] = hostnames;
  if (!commonName) throw new Error('createTestCertificate needs at least one hostname');
  const dir = mkdtempSync(join(tmpdir(), 'cercle-teams-cert-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  try {
    execFileSync(
      OPENSSL_PATH,
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '2',
        '-subj',
        `/CN=${commonName}`,
        '-addext',
        `subjectAltName=${hostnames.map((name) => `DNS:${name}`).join(',')}`,
        '-addext',
        'extendedKeyUsage=serverAuth',
      ],
      { stdio: 'pipe' },
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`openssl could not make the test certificate: ${stderr || error}`);
  }
  const certPem = readFileSync(certFile, 'utf8');
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return {
    hostnames: [...hostnames],
    keyPem: readFileSync(keyFile, 'utf8'),
    certPem,
    spkiSha256: createHash('sha256').update(spki).digest('base64'),
    dir,
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
