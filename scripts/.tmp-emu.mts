import { writeFileSync } from 'node:fs';
const { startEmulator } = await import('/work/main/source/emulator/index.js' as string);
const emu = await startEmulator({ port: 0, seed: 'demo', certDir: '/tmp/kvcert' });
writeFileSync('/tmp/ready.json', JSON.stringify(emu.readyInfo()));
