/**
 * Reading submitted forms. `FormData.get` answers a string, a File (for a file input) or null (no
 * such field); the screens' forms only have text fields, so anything but a string reads as ''.
 */

/** The text of the form field `name`, or '' when there is none (or it is a file). */
export const formText = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};
