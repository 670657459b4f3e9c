// Progress output (the repo's lint forbids console.*; these go straight to stdout/stderr).
const started = Date.now();

const stamp = () => `[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s]`;

export function log(message) {
  process.stdout.write(`${stamp()} ${message}\n`);
}

/** A line that rewrites itself on a terminal and prints sparsely otherwise. */
export function progress(message, { final = false } = {}) {
  if (process.stdout.isTTY) {
    process.stdout.write(`\r\x1b[2K${stamp()} ${message}${final ? '\n' : ''}`);
  } else if (final) {
    log(message);
  }
}

export function warn(message) {
  process.stderr.write(`${stamp()} warning: ${message}\n`);
}
