import type { Document, VerificationSummary } from '../schema/index.js';

/** `verification.summary` in one Chinese line: checks by status, and the points actually re-verified. */
export function formatSummary(summary: VerificationSummary): string {
  const checks = summary.ok + summary.mismatch + summary.unverifiable + summary.missing + summary.notApplicable;
  const points = summary.pointsTotal === null ? `已复核 ${summary.pointsVerified} 分（总分未知）` : `已复核 ${summary.pointsVerified} / ${summary.pointsTotal} 分`;
  return `复核 ${checks} 项：一致 ${summary.ok}，不一致 ${summary.mismatch}，无法复核 ${summary.unverifiable}，缺得分 ${summary.missing}，不适用 ${summary.notApplicable}；${points}`;
}

/**
 * What to say when a verification has no findings. "No problem found" is said only of what was
 * checked: never when nothing could be re-verified, and with the share that was.
 */
export function noFindingsText(document: Document): string {
  const s = document.verification.summary;
  if (s.ok + s.mismatch === 0) return '没有可以复核的得分：没有发现问题不代表得分成立。';
  if (s.pointsTotal !== null && s.pointsVerified < s.pointsTotal) {
    return `已复核的 ${s.pointsVerified} 分中没有发现问题；其余 ${Math.round((s.pointsTotal - s.pointsVerified) * 100) / 100} 分无法复核。`;
  }
  return `没有发现问题（已复核 ${s.pointsVerified} 分）。`;
}
