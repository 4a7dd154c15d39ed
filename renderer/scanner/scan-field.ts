/**
 * A form field that takes a scan as its value — a GTIN scanned into a new model's GTIN field —
 * instead of the scan driving the desk. The field says so with `data-takes-scan` (what it takes:
 * `gtin` keeps the GTIN of a box label, `text` the label as read); while it has the focus, every
 * scan from any scanner fills it. The wedge has already taken the scan's keys back out of it.
 */
export const TAKES_SCAN = 'data-takes-scan';
export type TakesScan = 'gtin' | 'text';

export type ScanField = { element: HTMLInputElement | HTMLTextAreaElement; takes: TakesScan };

export function focusedScanField(doc: Document): ScanField | null {
  const element = doc.activeElement;
  if (!element || (element.tagName !== 'INPUT' && element.tagName !== 'TEXTAREA')) return null;
  const takes = element.getAttribute(TAKES_SCAN);
  if (takes !== 'gtin' && takes !== 'text') return null;
  return { element: element as HTMLInputElement | HTMLTextAreaElement, takes };
}

/**
 * Sets a field's value as if typed: React tracks the value it last saw through the element's own
 * `value` property; the prototype's setter changes the value without updating that tracker, so
 * the `input` event is seen by a controlled input.
 */
export function setFieldValue(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
