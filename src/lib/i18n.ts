// The site's own words in both languages, and where each page lives in the other one. The course is one site: an
// English page at /<path> has its Chinese twin at /zh/<path>, with the same cells and exercises (the parity test,
// tests/unit/i18n-parity.test.ts, holds them equal). Storage keys and exercise ids use the English path, so that a
// learner's edits and progress are the same in both languages.
//
// The build passes a page's language explicitly; in the browser it is the page's <html lang> (from the front matter,
// `lang: zh-CN`). The network library's own error messages stay in English (the Chinese chapters say so).

export type Lang = "en" | "zh";

/** The folder of the Chinese pages, as a path prefix. */
export const ZH_PREFIX = "/zh";

/** The language of a page path ("/zh/softmax" → "zh"). */
export function langOfPath(path: string): Lang {
  return path === ZH_PREFIX || path.startsWith(`${ZH_PREFIX}/`) ? "zh" : "en";
}

/** The English path of a page in either language: "/zh/softmax" → "/softmax", "/zh/index" → "/index". */
export function canonicalPath(path: string): string {
  if (langOfPath(path) === "en") return path;
  const rest = path.slice(ZH_PREFIX.length);
  return rest === "" || rest === "/" ? "/index" : rest;
}

/** The same page in `lang`: "/softmax" → "/zh/softmax" (zh), "/zh/softmax" → "/softmax" (en). */
export function pathIn(path: string, lang: Lang): string {
  const english = canonicalPath(path);
  return lang === "en" ? english : `${ZH_PREFIX}${english}`;
}

/** The language of the page this code runs in (English outside a browser). */
export function pageLang(): Lang {
  const lang = typeof document === "undefined" ? "" : document.documentElement.lang;
  return lang.toLowerCase().startsWith("zh") ? "zh" : "en";
}

const en = {
  // language switch
  "switch.label": "中文",
  "switch.title": "阅读本页的中文版",
  // live cells: the bar, buttons, markers
  "cell.label": "Live TypeScript",
  "cell.edit": "Edit",
  "cell.run": "Run",
  "cell.stop": "Stop",
  "cell.reset": "Reset",
  "cell.edited": "edited",
  "cell.unrun": "not run yet",
  "cell.code": "Code of the live cell {id}",
  "cell.codeHint": "Code of the live cell {id}: click or press Enter to edit",
  "cell.keys": "Shift+Enter runs the cell. Tab indents; to leave the editor, press Escape, then Tab.",
  "cell.empty": "This cell is empty. Reset brings back the lesson's code.",
  "cell.outdated":
    "This cell was updated in the course since you edited it, so it shows the new version. Your edit is kept.",
  "cell.useEdit": "Use my edit",
  "cell.discardEdit": "Discard my edit",
  "cell.crashed":
    "This edit was running when the page stopped last time (it may have run out of memory), so it was not run " +
    "again. Press Run to try it, or Reset to go back to the lesson's code.",
  "cell.crashedOther":
    "This edit was not run: the page stopped last time while the cell “{lesson}” was running with your edits. " +
    "Press Run to try it, or Reset to go back to the lesson's code.",
  "page.edited": "You have edited cells on this page.",
  "page.resetAll": "Reset all cells on this page",
  // live cells: the engine's messages
  "run.stoppedAfter":
    "Stopped by you after {seconds} s, before the cell finished. Your code is kept: Run starts it again.",
  "run.stoppedAt": "Stopped by you at step {steps}{shown}. Your code is kept: Run starts it again.",
  "run.timeout":
    "Stopped after running for {seconds} s without a break: is there an endless loop or recursion? " +
    "Fix the cell and run it again.",
  "run.uses": "This cell uses {input}{where}, which failed: {message}",
  "run.waiting": "Waiting for the cell “{id}”, which {reason}",
  "run.line": " (line {line})",
  "run.notDefinedRemoved":
    "{input} is not defined{where}: the cell “{id}” defined it, but {what}. Reset that cell, or define {input} again.",
  "run.codeNoLonger": "its code no longer does",
  "run.codeDeleted": "its code was deleted",
  "run.notDefined":
    "{input} is not defined{where}: no cell on this page defines it. Check the spelling, or define it in a cell.",
  "run.theCell": "the cell “{id}”",
  "run.fixedPart": "a part of this page you cannot edit",
  "run.renameOr": "Rename {name} in this cell, or remove it from the cell “{id}”.",
  "run.rename": "Rename {name} in this cell.",
  "run.defined": "{name} is already defined by {by}{where}: a name can be defined by one cell only. {fix}",
  "run.reasonDefined": "cannot run: it defines {name}, which {by} defines already.",
  "run.reasonStopped": "was stopped before it finished.",
  "run.reasonCrashed": "was not run: the page stopped while it was running last time.",
  "run.reasonCrashedOther": "was not run: the page stopped last time while the cell “{lesson}” was running.",
  "run.stoppedByYou": "Stopped by you.",
  "run.memoryCall":
    "Stopped before {call}, which would take about {bytes} of memory: a cell may use at most {budget}. " +
    "Make it smaller and run the cell again.",
  "run.memory":
    "Stopped after using more than {budget} of memory: is an array growing without end? Fix the cell and run it again.",
  "matrix.caption": "Matrix {rows} × {cols}",
  // exercises
  "ex.hint": "Hint",
  "ex.hintN": "Hint {n}.",
  "ex.noMoreHints": "No more hints",
  "ex.showSolution": "Show solution",
  "ex.notChecked": "Not checked yet: edit the code and press Run.",
  "ex.solvedBadge": "✓ solved",
  "ex.solutionShownBadge": "solution shown",
  "ex.starterSolved":
    "You have solved this exercise: it stays solved in your progress. This is the starter code again; " +
    "fill in the marked place and press Run to check a new answer.",
  "ex.starter": "Not checked yet: fill in the marked place and press Run.",
  "ex.stopped": "Not checked: the run was stopped before it finished. Press Run to check your code.",
  "ex.waiting": "Not checked: {reason}",
  "ex.waitingDefault": "waiting for another cell.",
  "ex.error": "Your code has an error, so it could not be checked. {message}",
  "ex.input": "Input",
  "ex.expected": "Expected",
  "ex.got": "Got",
  "ex.caseHint": "Hint: {hint}",
  "ex.confirmSolution": "Show the solution? It replaces your code in the editor (Reset brings back the starter code).",
  // the check helpers' verdicts (src/lib/exercises/check.ts)
  "check.allPass": "All cases pass.",
  "check.yourFunction": "Your function",
  "check.notFunction": "{name} should be a function, but it is {what}.",
  "check.case": "case {n} of {total}",
  "check.badMessage": "the error message does not say what went wrong.",
  "check.errorMatching": "an error matching {pattern}",
  "check.threw": "it threw an error.",
  "check.shouldRefuse": "it should have refused this input.",
  "check.promise": "it returned a Promise; return the value itself.",
  "check.passesOne": "{name} passes its one case.",
  "check.passesAll": "{name} passes all {n} cases.",
  "check.theValue": "The value",
  "check.valueRight": "{name} is right.",
  "check.noVerdict": "The check did not return a verdict (this is a bug in the chapter, not in your code).",
  "check.codeThrew": "Your code threw an error while it was checked: {error}",
  // progress
  "progress.chapter": "Your progress in this chapter: ",
  "progress.summary": "{passed} {exercisesWord} passed{recorded} and {edits} {cellsWord}",
  "progress.importTitle": "Import progress from {name}?",
  "progress.fileHolds": "The file holds {summary}.",
  "progress.refused": "Not imported, because they would not load: {list}.",
  "progress.browserHas": "This browser has {summary}.",
  "progress.replaceOrMerge":
    "Replace: the file's progress replaces yours. Merge: the file's progress is added to yours; an exercise " +
    "passed in either stays passed, and where both have an edit of the same cell, yours is kept.",
  "progress.import": "Import",
  "progress.cancel": "Cancel",
  "progress.replace": "Replace my progress",
  "progress.merge": "Merge with my progress",
  "progress.export": "Export progress",
  "progress.exported": "Exported {n} saved items.",
  "progress.fileLabel": "Progress file to import",
  "progress.importButton": "Import progress",
  "progress.couldNot": "Could not import {name}: {reason}",
  "progress.nothing": "Nothing was imported from {name}.",
  "progress.resetButton": "Reset progress",
  "progress.confirmReset": "Reset all progress and all edited cells in this browser? This cannot be undone.",
  "progress.resetDone": "Progress reset.",
  // Framework's markup, named by src/assets/a11y.ts
  "a11y.sidebar": "Course pages",
  "a11y.toc": "On this page",
  "a11y.pager": "Previous and next page",
  "a11y.toggle": "Sidebar",
  "a11y.skip": "Skip to the content"
};

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  "switch.label": "English",
  "switch.title": "Read this page in English",
  "cell.label": "可运行的 TypeScript",
  "cell.edit": "编辑",
  "cell.run": "运行",
  "cell.stop": "停止",
  "cell.reset": "重置",
  "cell.edited": "已修改",
  "cell.unrun": "尚未运行",
  "cell.code": "代码单元 {id} 的代码",
  "cell.codeHint": "代码单元 {id} 的代码：单击或按 Enter 键编辑",
  "cell.keys": "Shift+Enter 运行本单元。Tab 键缩进；要离开编辑器，先按 Esc，再按 Tab。",
  "cell.empty": "这个单元是空的。按“重置”可恢复课程中的代码。",
  "cell.outdated": "你修改过这个单元，之后课程更新了它，所以这里显示新版本。你的修改仍然保留着。",
  "cell.useEdit": "用我的修改",
  "cell.discardEdit": "丢弃我的修改",
  "cell.crashed":
    "上次页面停止时，这段修改正在运行（可能是内存耗尽），所以这次没有自动运行。按“运行”再试一次，或按“重置”回到课程中的代码。",
  "cell.crashedOther":
    "这段修改没有运行：上次页面停止时，单元“{lesson}”正带着你的修改运行。按“运行”再试一次，或按“重置”回到课程中的代码。",
  "page.edited": "你修改过本页的代码单元。",
  "page.resetAll": "重置本页所有单元",
  "run.stoppedAfter": "你在 {seconds} 秒后停止了运行，单元没有运行完。你的代码还在：按“运行”重新开始。",
  "run.stoppedAt": "你在第 {steps} 步停止了运行{shown}。你的代码还在：按“运行”重新开始。",
  "run.timeout": "连续运行 {seconds} 秒没有停顿，已被停止：是不是有死循环或无穷递归？请修改单元后再运行。",
  "run.uses": "这个单元用到的 {input}{where} 出错了：{message}",
  "run.waiting": "正在等待单元“{id}”，它{reason}",
  "run.line": "（第 {line} 行）",
  "run.notDefinedRemoved":
    "{input} 没有定义{where}：原来由单元“{id}”定义，但{what}。请重置那个单元，或者重新定义 {input}。",
  "run.codeNoLonger": "它的代码现在不再定义它了",
  "run.codeDeleted": "它的代码被删掉了",
  "run.notDefined": "{input} 没有定义{where}：本页没有哪个单元定义它。请检查拼写，或者在某个单元里定义它。",
  "run.theCell": "单元“{id}”",
  "run.fixedPart": "本页中不能编辑的部分",
  "run.renameOr": "请在本单元里给 {name} 改个名字，或者把它从单元“{id}”中去掉。",
  "run.rename": "请在本单元里给 {name} 改个名字。",
  "run.defined": "{name} 已经由{by}定义了{where}：一个名字只能由一个单元定义。{fix}",
  "run.reasonDefined": "无法运行：它定义了 {name}，而{by}已经定义了这个名字。",
  "run.reasonStopped": "没有运行完就被停止了。",
  "run.reasonCrashed": "没有运行：上次页面停止时，它正在运行。",
  "run.reasonCrashedOther": "没有运行：上次页面停止时，单元“{lesson}”正在运行。",
  "run.stoppedByYou": "你停止了运行。",
  "run.memoryCall":
    "在执行 {call} 之前停止了：它大约要占用 {bytes} 内存，而一个单元最多只能用 {budget}。请把它改小后再运行。",
  "run.memory": "使用的内存超过了 {budget}，已被停止：是不是有数组在无限增长？请修改单元后再运行。",
  "matrix.caption": "矩阵 {rows} × {cols}",
  "ex.hint": "提示",
  "ex.hintN": "提示 {n}。",
  "ex.noMoreHints": "没有更多提示了",
  "ex.showSolution": "查看答案",
  "ex.notChecked": "尚未检查：修改代码后按“运行”。",
  "ex.solvedBadge": "✓ 已完成",
  "ex.solutionShownBadge": "看过答案",
  "ex.starterSolved":
    "你已经完成了这道练习，它在你的进度中会一直保持完成。现在是初始代码；填好标出的地方，按“运行”检查新的答案。",
  "ex.starter": "尚未检查：填好标出的地方，然后按“运行”。",
  "ex.stopped": "没有检查：运行在结束前被停止了。按“运行”检查你的代码。",
  "ex.waiting": "没有检查：{reason}",
  "ex.waitingDefault": "正在等待另一个单元。",
  "ex.error": "你的代码有错误，所以无法检查。{message}",
  "ex.input": "输入",
  "ex.expected": "期望",
  "ex.got": "实际",
  "ex.caseHint": "提示：{hint}",
  "ex.confirmSolution": "要查看答案吗？答案会替换编辑器中你的代码（按“重置”可恢复初始代码）。",
  "check.allPass": "所有用例都通过了。",
  "check.yourFunction": "你的函数",
  "check.notFunction": "{name} 应当是一个函数，但它是 {what}。",
  "check.case": "第 {n} 个用例（共 {total} 个）",
  "check.badMessage": "错误消息没有说明出了什么问题。",
  "check.errorMatching": "一个与 {pattern} 匹配的错误",
  "check.threw": "它抛出了错误。",
  "check.shouldRefuse": "它本应拒绝这个输入。",
  "check.promise": "它返回了一个 Promise；请直接返回值本身。",
  "check.passesOne": "{name} 通过了它唯一的用例。",
  "check.passesAll": "{name} 通过了全部 {n} 个用例。",
  "check.theValue": "这个值",
  "check.valueRight": "{name} 是对的。",
  "check.noVerdict": "检查没有返回结论（这是本章的错误，不是你代码的错误）。",
  "check.codeThrew": "检查时你的代码抛出了错误：{error}",
  "progress.chapter": "你在本章的进度：",
  "progress.summary": "通过的练习 {passed} 道{recorded}，修改过的单元 {edits} 个",
  "progress.importTitle": "从 {name} 导入进度？",
  "progress.fileHolds": "文件中有：{summary}。",
  "progress.refused": "以下内容无法载入，因此不会导入：{list}。",
  "progress.browserHas": "这个浏览器中现有：{summary}。",
  "progress.replaceOrMerge":
    "替换：用文件中的进度替换你现在的进度。合并：把文件中的进度加到你的进度里；在任何一方通过的练习都算通过，两边都修改过的同一个单元保留你现在的修改。",
  "progress.import": "导入",
  "progress.cancel": "取消",
  "progress.replace": "替换我的进度",
  "progress.merge": "与我的进度合并",
  "progress.export": "导出进度",
  "progress.exported": "已导出 {n} 项保存的内容。",
  "progress.fileLabel": "要导入的进度文件",
  "progress.importButton": "导入进度",
  "progress.couldNot": "无法导入 {name}：{reason}",
  "progress.nothing": "没有从 {name} 导入任何内容。",
  "progress.resetButton": "重置进度",
  "progress.confirmReset": "要清除这个浏览器中的全部进度和所有修改过的单元吗？此操作无法撤销。",
  "progress.resetDone": "进度已重置。",
  "a11y.sidebar": "课程页面",
  "a11y.toc": "本页内容",
  "a11y.pager": "上一页和下一页",
  "a11y.toggle": "侧边栏",
  "a11y.skip": "跳到正文"
};

const messages: Record<Lang, Record<MessageKey, string>> = {en, zh};

/** The message `key` in `lang` (the page's language by default), with `{name}` replaced from `vars`. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}, lang: Lang = pageLang()): string {
  return messages[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole
  );
}
