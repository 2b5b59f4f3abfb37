/**
 * 1-D tolerance clustering (pdfplumber utils/clustering.py): values closer than `tolerance` to
 * their neighbour fall in the same cluster.
 */

/** Sorted clusters of values: a new cluster starts wherever the gap to the previous value exceeds tolerance. */
export function clusterValues(values: readonly number[], tolerance: number): number[][] {
  const sorted = [...values].sort((a, b) => a - b);
  const clusters: number[][] = [];
  let current: number[] = [];
  for (const v of sorted) {
    const last = current[current.length - 1];
    if (last !== undefined && v - last > tolerance) {
      clusters.push(current);
      current = [];
    }
    current.push(v);
  }
  if (current.length > 0) clusters.push(current);
  return clusters;
}

/** Group objects whose key values cluster together; groups come out in increasing key order. */
export function clusterObjects<T>(items: readonly T[], key: (item: T) => number, tolerance: number): T[][] {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  const groups: T[][] = [];
  let current: T[] = [];
  let lastKey = Number.NEGATIVE_INFINITY;
  for (const item of sorted) {
    const k = key(item);
    if (current.length > 0 && k - lastKey > tolerance) {
      groups.push(current);
      current = [];
    }
    current.push(item);
    lastKey = k;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Cluster values and return each cluster's mean, ascending. */
export function clusterMeans(values: readonly number[], tolerance: number): number[] {
  return clusterValues(values, tolerance).map(mean);
}
