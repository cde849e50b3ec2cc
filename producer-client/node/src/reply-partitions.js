// Giving each replica of a caller its own reply partition (same recipes as dev.hermes.client.ReplyPartitions).

/**
 * The StatefulSet ordinal of a host name such as "chat-3" (3), modulo `partitions` when given.
 * @param {string} hostname @param {number} [partitions]
 */
export function replyPartitionFromOrdinal(hostname, partitions) {
  const m = /-(\d+)$/.exec(hostname ?? '');
  if (!m) throw new Error(`no ordinal at the end of '${hostname}' (expected a name like chat-3)`);
  const ordinal = Number(m[1]);
  return partitions ? ordinal % partitions : ordinal;
}

/**
 * A stable partition from a pod name: Java's String.hashCode, made non-negative, modulo `partitions`.
 * Two replicas may collide; prefer the ordinal where there is one.
 * @param {string} podName @param {number} partitions
 */
export function replyPartitionFromHash(podName, partitions) {
  if (!podName) throw new Error('podName is required');
  if (!Number.isInteger(partitions) || partitions < 1) throw new Error(`partitions must be >= 1, got ${partitions}`);
  let h = 0;
  for (let i = 0; i < podName.length; i++) h = (Math.imul(31, h) + podName.charCodeAt(i)) | 0;
  return (h & 0x7fffffff) % partitions;
}
