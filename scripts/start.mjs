// npm start: build the site, then serve it on http://localhost:4321 and say so.
// Astro runs in this same Node (npm start already put Node 22 first on PATH), as one child
// process, so Ctrl+C or a kill of this script stops the server too.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const URL = 'http://localhost:4321/';
const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
const astro = join(dirname(astroPackage), JSON.parse(readFileSync(astroPackage, 'utf8')).bin.astro);

console.log('Building Mailwire...');
const build = spawnSync(process.execPath, [astro, 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The build failed; see above.');
  process.exit(build.status ?? 1);
}

const preview = spawn(process.execPath, [astro, 'preview', '--port', '4321'], { stdio: 'inherit' });
// The bridge relay for live mode (docs/relay-protocol.md), on loopback beside the site.
const tsx = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/cli.mjs');
const relay = spawn(process.execPath, [tsx, 'simulator/transports/relay/cli.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    preview.kill(signal);
    relay.kill(signal);
    process.exit(130);
  });
}
preview.on('exit', (code) => {
  relay.kill();
  process.exit(code ?? 0);
});
relay.on('exit', (code) => {
  if (code) console.error(`The relay stopped (exit ${code}); live mode is unavailable, the simulator still works.`);
});

// Announce the URL once the server answers.
for (let i = 0; i < 120; i++) {
  try {
    const response = await fetch(URL);
    if (response.ok) {
      console.log(`\nMailwire is running at ${URL}  (Ctrl+C to stop)\n`);
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 500));
}
