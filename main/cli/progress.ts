/**
 * A progress bar for long commands, drawn on stderr only when it is a terminal, so that
 * scripts and pipes see nothing but the final summary.
 */

/** Something that can draw progress: a terminal stream. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Returns a function to report progress (done of total) and one to clear the bar. */
export function progressBar(output: ProgressOutput, label: string): { update: (done: number, total: number) => void; done: () => void } {
  if (!output.isTTY) return { update: () => undefined, done: () => undefined };
  let last = -1;
  return {
    update(done, total) {
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const percent = Math.floor(ratio * 100);
      if (percent === last) return;
      last = percent;
      const width = Math.max(10, Math.min(40, (output.columns ?? 80) - label.length - 20));
      const filled = Math.round(ratio * width);
      output.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}%`);
    },
    done() {
      if (last !== -1) output.write('\r\x1b[K');
    },
  };
}
