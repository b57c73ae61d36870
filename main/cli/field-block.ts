/** How `show` and `extract` print an article: its title, underlined, then one field a line. */

/** The title underlined, then `Name:  value` for each field that has a value. */
export function fieldBlock(title: string, fields: [name: string, value: string | null | undefined][]): string {
  const lines = [title, '='.repeat(Math.min(title.length, 72))];
  for (const [name, value] of fields) if (value) lines.push(`${name.padEnd(11)}${value}`);
  return lines.join('\n');
}
