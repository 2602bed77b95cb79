/** A form field's value as text; "" when the form has no such field. */
export function formText(form: FormData, name: string): string {
  return String(form.get(name) ?? "");
}
