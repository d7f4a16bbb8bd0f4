/**
 * A progress bar for long work on the terminal (seeding, imports): redrawn in place on a TTY, a line every few
 * seconds otherwise (CI logs).
 */
export interface ProgressBar {
  update(done: number, label?: string): void;
  finish(message: string): void;
}

export function createProgressBar(total: number, unit: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const started = Date.now();
  let lastLine = 0;
  const render = (done: number, label: string) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const seconds = (Date.now() - started) / 1000;
    return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} ${unit} · ${seconds.toFixed(1)} s${label ? ` · ${label}` : ''}`;
  };
  return {
    update(done, label = '') {
      if (stream.isTTY) {
        stream.write(`\r${render(done, label)}\x1b[K`);
      } else if (Date.now() - lastLine > 3000) {
        lastLine = Date.now();
        stream.write(`${render(done, label)}\n`);
      }
    },
    finish(message) {
      stream.write(`${stream.isTTY ? '\r\x1b[K' : ''}${message}\n`);
    },
  };
}
