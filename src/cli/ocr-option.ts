import { Option } from 'commander';

/** `--ocr never|auto|always`, shared by the commands that read files. */
export function ocrOption(): Option {
  return new Option('--ocr <mode>', 'read scanned PDF pages by OCR: auto (pages without a usable text layer), always, or never')
    .choices(['never', 'auto', 'always'])
    .default('auto');
}
