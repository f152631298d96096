import { resolve } from 'node:path';
import { writeManifests } from './buildManifests.ts';
import { parseCliArgs, USAGE } from './parseCliArgs.ts';

const request = parseCliArgs(process.argv.slice(2), process.env);
if (request.ok === 'help') {
  console.log(USAGE);
} else if (!request.ok) {
  console.error(`error: ${request.message}\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  // pnpm runs the script inside this package; INIT_CWD is where the outer command ran (the root).
  const outDir = resolve(process.env.INIT_CWD ?? process.cwd(), request.value.outDir);
  for (const path of writeManifests(request.value.deployment, outDir)) console.log(`wrote ${path}`);
  if (request.value.deployment.teamsClientId === null) {
    console.log(
      'Teams package has no SSO section: set --teams-client-id or TEAMS_CLIENT_ID to add it.',
    );
  }
}
