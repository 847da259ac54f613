// A labelled text field for typing a function. Shows mathjs's message under the field when the text does not
// parse, and only calls `onValid` with text that does — so the picture keeps its last good state.
import {h, type Lifecycle, uid} from "./theme.js";

export function expressionField(
  label: string,
  value: string,
  check: (text: string) => void,
  onValid: (text: string) => void,
  life: Lifecycle
): {element: HTMLElement; set(text: string): void; showError(message: string): void} {
  const id = uid("nn-expr");
  const input = h("input", {
    type: "text",
    id,
    value,
    spellcheck: "false",
    autocomplete: "off",
    "aria-describedby": `${id}-err`
  });
  const error = h("div", {class: "nn-error", id: `${id}-err`, role: "status", "aria-live": "polite"});
  const element = h("div", {class: "nn-control nn-expr", style: "flex-direction: column; align-items: flex-start"});
  element.append(h("span", {class: "nn-control"}, h("label", {for: id, text: label}), input), error);
  const showError = (message: string) => {
    error.textContent = message;
    input.setAttribute("aria-invalid", message ? "true" : "false");
  };
  life.listen(input, "input", () => {
    try {
      check(input.value);
      showError("");
      onValid(input.value);
    } catch (e) {
      showError((e as Error).message);
    }
  });
  return {
    element,
    set: (text) => {
      input.value = text;
    },
    showError
  };
}
