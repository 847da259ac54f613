// Finds the system Chromium for browser tests; installs it with apt-get when running as root.
import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path));
}

export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() === 0) {
    console.log("Chromium not found: installing the Debian package 'chromium' with apt-get…");
    execFileSync("apt-get", ["update", "-qq"], {stdio: "inherit"});
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: {...process.env, DEBIAN_FRONTEND: "noninteractive"}
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    "Browser tests need Chromium. Install the package 'chromium' (Debian/Ubuntu: sudo apt-get install chromium) " +
      "or set CHROME_PATH to a Chromium or Chrome executable."
  );
}
