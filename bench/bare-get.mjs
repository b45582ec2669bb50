// The floor `kvdeck get` is measured against (bench/oneshot.bench.ts): a bare Node process that reads
// one secret from the emulator over HTTPS with nothing else — no SDK, no kvdeck, a token in hand —
// and prints its value. Plain JavaScript, so Node runs it as it is.
//   node bench/bare-get.mjs https://VAULT.vault.localhost:PORT/secrets/NAME CA.pem TOKEN
import { readFileSync } from 'node:fs';
import { request } from 'node:https';

const [url, caFile, token] = process.argv.slice(2);
// *.localhost does not resolve through glibc here: the emulator listens on 127.0.0.1.
const lookup = (_host, options, callback) => (options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4));
const req = request(new URL(`${url}?api-version=7.6`), { ca: readFileSync(caFile), lookup, headers: { authorization: `Bearer ${token}` } }, (res) => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (c) => (body += c));
  res.on('end', () => {
    if (res.statusCode !== 200) {
      process.stderr.write(`bare-get: ${res.statusCode} ${body}\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(JSON.parse(body).value);
  });
});
req.on('error', (e) => {
  process.stderr.write(`bare-get: ${e.message}\n`);
  process.exitCode = 1;
});
req.end();
