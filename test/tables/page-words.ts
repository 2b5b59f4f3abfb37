/** Test helper: the words and page size of each page of a PDF, through the reader's page-content stage. */
import { readFile } from 'node:fs/promises';
import { readPageContent, type PageContent } from '../../src/readers/pdf/page-content.js';
import { withPdfDocument } from '../../src/readers/pdf/pdfjs.js';

export async function readPdfPageContents(path: string): Promise<PageContent[]> {
  const bytes = new Uint8Array(await readFile(path));
  return withPdfDocument(bytes, async (doc) => {
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      pages.push(await readPageContent(page));
      page.cleanup();
    }
    return pages;
  });
}
