// Playwright global setup: starts the Nu HTML checker (vnu-jar, on Java) as an HTTP service once per run,
// so checking a page takes milliseconds rather than a JVM start each time; stops it after the run.
import { spawn } from "node:child_process";

const JAR = "node_modules/vnu-jar/build/dist/vnu.jar";

export default async function startHtmlChecker() {
  const url = new URL(process.env.VNU_URL!);
  const checker = spawn("java", [`-Dnu.validator.servlet.bind-address=${url.hostname}`, "-cp", JAR, "nu.validator.servlet.Main", url.port], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  checker.stderr.on("data", (chunk) => (log = (log + chunk).slice(-4000)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (checker.exitCode !== null) throw new Error(`The HTML checker stopped (exit ${checker.exitCode}):\n${log}`);
    if (await fetch(url).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      checker.kill();
      throw new Error(`The HTML checker did not start within a minute:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // The first checks run cold (several seconds each): pay for them here rather than inside a test's time.
  const sample = `<!DOCTYPE html><html lang="en"><head><title>Warm-up</title></head><body>${"<p>Text <a href=\"/\">link</a></p>".repeat(200)}</body></html>`;
  for (let run = 0; run < 5; run++) {
    await fetch(`${url}?out=json&level=error`, { method: "POST", headers: { "Content-Type": "text/html; charset=utf-8" }, body: sample });
  }
  return () => {
    checker.kill();
  };
}
