import type { Command } from 'commander';

/** Placeholder until `selfeval tables` lands. */
export function registerTables(_program: Command): void {}
