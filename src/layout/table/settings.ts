/**
 * Table-finding tolerances (pdfplumber's TableSettings), as a zod schema so that callers can pass
 * partial settings and get defaults. All distances in PDF points.
 */
import { z } from 'zod';

/** Rules this close across their length are one rule (snapped to their mean position). */
export const DEFAULT_SNAP_TOLERANCE = 3;
/** Collinear rules whose ends are this close are joined into one. */
export const DEFAULT_JOIN_TOLERANCE = 3;
/** Rules shorter than this (after joining) are dropped. */
export const DEFAULT_EDGE_MIN_LENGTH = 3;
/** A horizontal and a vertical rule this close to crossing do cross. */
export const DEFAULT_INTERSECTION_TOLERANCE = 3;
/** A table needs at least this many cells. */
export const DEFAULT_MIN_CELLS = 2;
/** Column boundaries of two table parts this close are the same column (stitching). */
export const DEFAULT_STITCH_COLUMN_TOLERANCE = 4;

export const TableSettings = z.object({
  snapTolerance: z.number().nonnegative().default(DEFAULT_SNAP_TOLERANCE),
  joinTolerance: z.number().nonnegative().default(DEFAULT_JOIN_TOLERANCE),
  edgeMinLength: z.number().nonnegative().default(DEFAULT_EDGE_MIN_LENGTH),
  intersectionTolerance: z.number().nonnegative().default(DEFAULT_INTERSECTION_TOLERANCE),
  minCells: z.number().int().positive().default(DEFAULT_MIN_CELLS),
  stitchColumnTolerance: z.number().nonnegative().default(DEFAULT_STITCH_COLUMN_TOLERANCE),
  /** Look for unruled (stream) tables among the words outside ruled ones. */
  stream: z.boolean().default(true),
});
export type TableSettings = z.infer<typeof TableSettings>;
export type TableSettingsInput = z.input<typeof TableSettings>;

export const DEFAULT_TABLE_SETTINGS: TableSettings = TableSettings.parse({});

export function resolveTableSettings(input?: TableSettingsInput): TableSettings {
  return input ? TableSettings.parse(input) : DEFAULT_TABLE_SETTINGS;
}
