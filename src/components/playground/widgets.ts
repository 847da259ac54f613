// Small labelled controls the playground trainers are built from: native elements (so keyboards and screen readers
// know them), each labelled, whose shown value the trainer can set when a live cell or a link changes the setting.
import {h, uid} from "../theme.js";

/** A labelled drop-down whose options can be replaced and which can show a value outside its list. */
export function dropDown(label: string): {
  root: HTMLElement;
  select: HTMLSelectElement;
  show(values: {value: string; text: string}[], current: string): void;
} {
  const id = uid("nn-playground");
  const select = h("select", {id});
  const root = h("div", {class: "nn-control"}, h("label", {for: id, text: label}), select);
  return {
    root,
    select,
    show(values, current) {
      const list = values.some((v) => v.value === current) ? values : [...values, {value: current, text: current}];
      const same =
        select.options.length === list.length &&
        list.every((v, i) => select.options[i].value === v.value && select.options[i].text === v.text);
      if (!same) select.replaceChildren(...list.map((v) => h("option", {value: v.value, text: v.text})));
      select.value = current;
    }
  };
}

/** A labelled range input with its value printed next to it. */
export function rangeInput(
  label: string,
  {min, max, step}: {min: number; max: number; step: number},
  format: (v: number) => string = String
): {root: HTMLElement; input: HTMLInputElement; show(value: number): void} {
  const id = uid("nn-playground");
  const input = h("input", {type: "range", id, min, max, step});
  const output = h("output", {for: id});
  const root = h("div", {class: "nn-control"}, h("label", {for: id, text: label}), input, output);
  const show = (value: number) => {
    input.value = String(value);
    output.textContent = format(value);
    input.setAttribute("aria-valuetext", format(value));
  };
  input.addEventListener("input", () => show(Number(input.value)));
  return {root, input, show};
}

/** A labelled checkbox. */
export function checkBox(label: string): {root: HTMLElement; input: HTMLInputElement} {
  const id = uid("nn-playground");
  const input = h("input", {type: "checkbox", id});
  return {root: h("div", {class: "nn-control"}, input, h("label", {for: id, text: label})), input};
}

/** A labelled file input that hands the chosen file's text to `onText` (and clears itself, so the same file can be chosen again). */
export function fileInput(
  label: string,
  accept: string,
  onText: (text: string, name: string) => void
): {root: HTMLElement; input: HTMLInputElement} {
  const id = uid("nn-playground");
  const input = h("input", {type: "file", id, accept});
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = "";
    onText(text, file.name);
  });
  return {root: h("div", {class: "nn-control nn-pg-file"}, h("label", {for: id, text: label}), input), input};
}

/** Offers `text` as a file download named `name` (made in the page: nothing leaves the browser). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const link = h("a", {href: url, download: name, style: "display: none"});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
