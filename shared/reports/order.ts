/**
 * Plain code-unit order for the rows of a report: the same on the desk and the server whatever
 * their locale, so two exports of the same figures are byte-identical. Screens may re-sort for people.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
