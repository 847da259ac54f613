// Finding one setting's line in a live cell's source, so that a control can rewrite that line and leave everything
// else the learner typed as it was (chapter 4's trainer and the Playground both do this).

/** `const name = value; // comment` (with an optional type): group 1 is the head, 2 the value and its semicolon, 3 the rest. */
export const constLine = (name: string): RegExp =>
  new RegExp(`^(\\s*const\\s+${name}\\s*(?::[^=\\n]+)?=\\s*)([^;\\n]*;?)(.*)$`, "m");

/** `  name: value, // comment` inside an object literal: group 1 is the head, 2 the value, 3 the comma and the comment. */
export const propertyLine = (name: string): RegExp =>
  new RegExp(`^(\\s*${name}\\s*:\\s*)([^,\\n/]*?)(\\s*,?\\s*(?://.*)?)$`, "m");
