// Standalone entry for `kvdeck serve` (tests and benchmarks start it as a child process).
import { runServe } from './serve.js';

process.exitCode = await runServe(process.argv.slice(2));
