/**
 * Fill `{{name}}` placeholders from data; unknown placeholders are left as written so a missing value
 * shows in the message instead of disappearing.
 */
export function interpolate(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*([^{}\s]+)\s*\}\}/gu, (whole, key: string) =>
    Object.hasOwn(data, key) ? String(data[key]) : whole,
  );
}
