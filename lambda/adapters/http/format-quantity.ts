const KIB = 1024;
const MIB = 1024 * KIB;

/** A byte count as people write limits: "10 MiB", "512 KiB", or "1500 bytes" when it is not a round unit. */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB && Number.isInteger((bytes * 10) / MIB)) return `${trim(bytes / MIB)} MiB`;
  if (bytes >= KIB && Number.isInteger((bytes * 10) / KIB)) return `${trim(bytes / KIB)} KiB`;
  return `${bytes} bytes`;
}

/** A duration in seconds for reasons such as "timed out after 20 s"; sub-second limits stay in ms. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${trim(ms / 1000)} s`;
}

function trim(value: number): string {
  return String(Math.round(value * 10) / 10);
}
