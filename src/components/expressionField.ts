// A labelled text field for typing a function. Shows mathjs's message under the field when the text does not
// parse, and only calls `onValid` with text that does — so the picture keeps its last good state. A field for
// formulas is a use of mathjs: it starts loading mathjs, and reads what was typed once mathjs has arrived.
import {expressionsReady, loadExpressions} from "./expression.js";
import {h, type Lifecycle, uid} from "./theme.js";
import {words} from "./words.js";

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
  void loadExpressions().catch(() => {
    // The component that reads the formula reports the failure.
  });
  const read = () => {
    if (!expressionsReady()) {
      loadExpressions().then(
        () => {
          if (!life.destroyed) read();
        },
        (e: Error) => showError(words("function.mathjs", {message: e.message}))
      );
      return;
    }
    try {
      check(input.value);
      showError("");
      onValid(input.value);
    } catch (e) {
      showError((e as Error).message);
    }
  };
  life.listen(input, "input", read);
  return {
    element,
    set: (text) => {
      input.value = text;
    },
    showError
  };
}
