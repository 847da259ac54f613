export function katexPlugin(): void {}
