// Preloaded (node -r) into a measured child when /usr/bin/time is missing: writes the
// process's own peak RSS and CPU time on exit, which a parent Node process cannot otherwise learn.
const { writeFileSync } = require("fs");

process.on("exit", () => {
  const file = process.env.BENCH_RUSAGE_FILE;
  const u = process.resourceUsage();
  if (file) writeFileSync(file, JSON.stringify({ maxRSS: u.maxRSS, cpuMicros: u.userCPUTime + u.systemCPUTime }));
});
