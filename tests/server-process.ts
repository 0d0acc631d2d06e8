// Starting the production server as a child process, for tests of what an operator or an outside
// client sees. Build first (npm run build:if-needed with NODE_ENV=production).
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export type ServerProcess = { child: ChildProcess; output: () => string; url: string; stop: () => void };

export async function startServer(
  port: number,
  { env = {}, uid, gid }: { env?: Record<string, string>; uid?: number; gid?: number } = {},
): Promise<ServerProcess> {
  let output = "";
  const options: SpawnOptions = {
    env: { ...process.env, PORT: String(port), NODE_ENV: "production", SEED_DEMO_DATA: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    ...(uid !== undefined ? { uid, gid } : {}),
  };
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], options);
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  for (let i = 0; i < 150; i++) {
    if (output.includes("listening")) {
      return { child, output: () => output, url: `http://localhost:${port}`, stop: () => child.kill("SIGKILL") };
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`Server did not start:\n${output}`);
}
