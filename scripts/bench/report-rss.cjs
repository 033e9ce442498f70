// Preloaded (node -r) into a measured process: on exit, writes the process's
// peak resident set size in kB to the file named by BENCH_RSS_FILE.
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
