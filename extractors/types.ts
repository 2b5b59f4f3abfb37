import type { LayoutDocument } from '../src/layout/model.js';
import type { Document, DocumentKind } from '../src/schema/document.js';

/** What the pipeline knows about the input besides its layout. */
export interface SourceInfo {
  path: string;
  sha256: string;
  /** The kind the classifier chose, when an extractor reads more than one kind (project forms, project reports). */
  kind?: Exclude<DocumentKind, 'unknown'>;
}

/** The document an extractor returns: everything but the verification, which the scorer adds. */
export type ExtractedDocument = Omit<Document, 'verification'>;

/** One extractor per document kind. Extractors read only the layout model and write only the schema. */
export interface Extractor {
  kind: Exclude<DocumentKind, 'unknown'>;
  /** How strongly the layout looks like this kind, 0 (not at all) … 1 (certain), from its content. */
  match(layout: LayoutDocument): number;
  extract(layout: LayoutDocument, source: SourceInfo): ExtractedDocument;
}
